package dev.livecheck.grid;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.net.Ports;
import dev.livecheck.process.ProcessRegistry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A Selenium Grid standalone (hub and node in one) on loopback, in its own JVM with selenium-grid's own
 * classpath (scripts/provision resolves it from Maven Central), driving Debian's chromedriver. The fake
 * media files live on this machine's disk, which is the node's disk here.
 */
public final class LocalGrid implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final URI url;

    private LocalGrid(Process process, Path log, URI url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    public static LocalGrid start(Path classpathFile, Path chromedriver, int maxSessions) {
        if (!Files.isReadable(classpathFile)) {
            throw new LivecheckException("selenium-grid classpath " + classpathFile + " missing: run scripts/provision");
        }
        int port = Ports.freeTcp();
        try {
            Path config = Files.createTempFile("livecheck-grid", ".toml");
            Files.writeString(config, """
                    [server]
                    host = "127.0.0.1"
                    port = %d

                    [node]
                    detect-drivers = false
                    selenium-manager = false
                    max-sessions = %d
                    override-max-sessions = true

                    [[node.driver-configuration]]
                    display-name = "Chromium"
                    webdriver-executable = "%s"
                    max-sessions = %d
                    stereotype = '{"browserName": "chrome"}'
                    """.formatted(port, maxSessions, chromedriver, maxSessions));
            Path log = Files.createTempFile("livecheck-grid", ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(List.of(java, "-cp", Files.readString(classpathFile).trim(),
                    "org.openqa.selenium.grid.Main", "standalone", "--config", config.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ProcessRegistry.track(process);
            LocalGrid grid = new LocalGrid(process, log, URI.create("http://127.0.0.1:" + port));
            grid.awaitReady();
            return grid;
        } catch (IOException e) {
            throw new LivecheckException("cannot start Selenium Grid: " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        try {
            await("Selenium Grid ready on " + url).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new LivecheckException("Selenium Grid exited: " + Files.readString(log));
                }
                try {
                    String status = http.send(HttpRequest.newBuilder(url.resolve("/status")).build(), HttpResponse.BodyHandlers.ofString()).body();
                    return status.replace(" ", "").contains("\"ready\":true");
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public URI url() {
        return url;
    }

    @Override
    public void close() {
        ProcessRegistry.stop(process);
    }
}
