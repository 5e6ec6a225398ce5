package dev.livecheck.app;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.net.AdvertisedHost;
import dev.livecheck.net.Ports;
import dev.livecheck.process.ProcessRegistry;
import dev.livecheck.refapp.ReferenceAppMain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * An app as a separate process, configured only by environment variables, as a team would deploy it: the
 * reference app in its own JVM, the components fixture app under Node, or your app's own start command.
 * livecheck picks its port ({@code PORT}), waits until it answers, and stops it (and all its children).
 */
public final class AppProcess implements AutoCloseable {
    private final Process process;
    private final Path output;
    private final String url;

    /** The result of a start that was expected to fail. */
    public record Exit(int code, String output) {
    }

    private AppProcess(Process process, Path output, String url) {
        this.process = process;
        this.output = output;
        this.url = url;
    }

    /** The reference app in a JVM of its own, with these variables. */
    public static AppProcess referenceApp(Map<String, String> env) {
        return start(referenceAppCommand(), null, env);
    }

    /** Runs {@code command} in {@code directory} with these variables and {@code PORT} chosen here; waits until it answers. */
    public static AppProcess start(List<String> command, Path directory, Map<String, String> env) {
        int port = Ports.freeTcp();
        Map<String, String> withPort = new HashMap<>(env);
        withPort.put("PORT", Integer.toString(port));
        // with a Grid's browsers on other hosts the app must answer them too: HOST=0.0.0.0 asks it to (the app's to honour);
        // its URL stays localhost, which those browsers map to this machine (a secure context, as getUserMedia needs)
        InetAddress host = AdvertisedHost.current();
        if (!host.isLoopbackAddress()) {
            withPort.put("HOST", "0.0.0.0");
        }
        Path output = tempLog();
        Process process = launch(command, directory, withPort, output);
        AppProcess app = new AppProcess(process, output, "http://localhost:" + port);
        try {
            await("app process " + command.get(command.size() - 1) + " answering on port " + port).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        if (!process.isAlive()) {
                            throw new LivecheckException("app process " + String.join(" ", command) + " exited: " + app.output().strip());
                        }
                        return Ports.isListening(port) && Ports.isListening(host, port);
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            app.close();
            throw new LivecheckException("app process " + String.join(" ", command) + " did not listen on PORT " + port
                    + (host.isLoopbackAddress() ? "" : " on " + AdvertisedHost.literal(host)) + " within 30 s: it must serve on the port livecheck passes in PORT"
                    + (host.isLoopbackAddress() ? "" : ", on every address when HOST is 0.0.0.0 (the Grid's browsers reach it at "
                    + AdvertisedHost.literal(host) + ")") + "; its output: " + app.output().strip());
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** Runs the reference app with these variables and returns how it exited (for a start that must fail fast). */
    public static Exit runExpectingFailure(Map<String, String> env, Duration atMost) {
        Path output = tempLog();
        Process process = launch(referenceAppCommand(), null, env, output);
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessRegistry.stop(process);
                return new Exit(Integer.MIN_VALUE, read(output));
            }
            return new Exit(process.exitValue(), read(output));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessRegistry.stop(process);
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

    private static List<String> referenceAppCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-cp", System.getProperty("java.class.path"), ReferenceAppMain.class.getName());
    }

    private static Process launch(List<String> command, Path directory, Map<String, String> env, Path output) {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().keySet().removeIf(k -> k.startsWith("LIVEKIT_") || k.startsWith("LIVECHECK_APP_") || k.equals("PORT")
                || k.equals("APP_BUGS"));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            ProcessRegistry.track(process);
            return process;
        } catch (IOException e) {
            throw new LivecheckException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    private static Path tempLog() {
        try {
            return Files.createTempFile("livecheck-app-", ".log");
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
