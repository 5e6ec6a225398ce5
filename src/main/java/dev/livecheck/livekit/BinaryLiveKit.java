package dev.livecheck.livekit;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.process.ProcessRegistry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/** LiveKit as a local process. */
final class BinaryLiveKit extends LocalLiveKit {
    private final Process process;
    private final Path configFile;

    BinaryLiveKit(Path binary, String version, LocalServerConfig config) {
        super(config, version);
        if (!Files.isExecutable(binary)) {
            throw new LivecheckException("LiveKit binary not found at " + binary + ": run scripts/provision or set livecheck.livekit.binary");
        }
        try {
            configFile = Files.createTempFile("livecheck-livekit", ".yaml",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(configFile, config.yaml());
            process = new ProcessBuilder(binary.toString(), "--config", configFile.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new LivecheckException("cannot start " + binary + ": " + e.getMessage(), e);
        }
        ProcessRegistry.track(process);
        Thread reader = new Thread(this::readLog, "livekit-log");
        reader.setDaemon(true);
        reader.start();
        try {
            Readiness.awaitHttpOk(config.httpUrl(), Duration.ofSeconds(20), process::isAlive, () -> log.tail(15));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void readLog() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                log.append(line);
            }
        } catch (IOException ignored) {
            // process ended
        }
    }

    @Override
    public LiveKitMode mode() {
        return LiveKitMode.BINARY;
    }

    @Override
    public void close() {
        closeEgress();
        ProcessRegistry.stop(process);
        try {
            Files.deleteIfExists(configFile);
        } catch (IOException ignored) {
            // temp file; the OS cleans it
        }
    }
}
