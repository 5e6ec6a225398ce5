package dev.livecheck.app;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.process.ProcessRegistry;
import dev.livecheck.net.Ports;
import dev.livecheck.refapp.ReferenceAppMain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The reference app as a separate process (its own JVM, configured only by environment variables), as a
 * team would deploy it: for driving it as an "external" app and for checking how it refuses bad configuration.
 */
public final class ReferenceAppProcess implements AutoCloseable {
    private final Process process;
    private final Path output;
    private final String url;

    /** The result of a start that was expected to fail. */
    public record Exit(int code, String output) {
    }

    private ReferenceAppProcess(Process process, Path output, String url) {
        this.process = process;
        this.output = output;
        this.url = url;
    }

    /** Starts the app with these variables (PORT is chosen here) and waits until it answers. */
    public static ReferenceAppProcess start(Map<String, String> env) {
        int port = Ports.freeTcp();
        Map<String, String> withPort = new HashMap<>(env);
        withPort.put("PORT", Integer.toString(port));
        Path output = tempLog();
        Process process = launch(withPort, output);
        ReferenceAppProcess app = new ReferenceAppProcess(process, output, "http://localhost:" + port);
        try {
            await("reference app process answering on port " + port).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new LivecheckException("reference app process exited: " + app.output());
                        }
                        return Ports.isListening(port);
                    });
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** Runs the app with these variables and returns how it exited (for a start that must fail fast). */
    public static Exit runExpectingFailure(Map<String, String> env, Duration atMost) {
        Path output = tempLog();
        Process process = launch(env, output);
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Exit(Integer.MIN_VALUE, read(output));
            }
            return new Exit(process.exitValue(), read(output));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Exit(Integer.MIN_VALUE, read(output));
        } finally {
            ProcessRegistry.untrack(process);
        }
    }

    public String url() {
        return url;
    }

    public String output() {
        return read(output);
    }

    private static Process launch(Map<String, String> env, Path output) {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), ReferenceAppMain.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("LIVEKIT_") || k.startsWith("LIVECHECK_APP_") || k.equals("PORT"));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            ProcessRegistry.track(process);
            return process;
        } catch (IOException e) {
            throw new LivecheckException("cannot start the reference app process: " + e.getMessage(), e);
        }
    }

    private static Path tempLog() {
        try {
            return Files.createTempFile("livecheck-refapp-", ".log");
        } catch (IOException e) {
            throw new LivecheckException("cannot create a log file: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return dev.livecheck.redact.Redactor.redact(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        ProcessRegistry.stop(process);
        try {
            Files.deleteIfExists(output);
        } catch (IOException ignored) {
            // temp file
        }
    }
}
