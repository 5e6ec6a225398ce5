package dev.livecheck.browser;

import dev.livecheck.config.LivecheckException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A sound server for Firefox: without one (a headless machine has no sound card), Firefox's Web Audio never starts,
 * so livecheck's synthetic microphone stays silent and its listening probe hears nothing — Chromium has a fake
 * audio output of its own. One PulseAudio per JVM, with a sink that plays into nothing, on a socket of its own
 * (the machine's own sound setup is left alone); stopped when the JVM ends.
 */
final class FirefoxAudio {
    private static Path socket;
    private static Process server;

    private FirefoxAudio() {
    }

    /** The PULSE_SERVER value Firefox is started with: the server, started on first use. */
    static synchronized String server() {
        if (socket != null && server.isAlive()) {
            return "unix:" + socket;
        }
        Path pulseaudio = List.of("/usr/bin/pulseaudio", "/bin/pulseaudio").stream().map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new LivecheckException("Firefox needs a sound server here and PulseAudio is missing: run scripts/provision-firefox "
                        + "(installs Debian's pulseaudio)"));
        try {
            Path dir = Files.createTempDirectory("livecheck-pulse-");
            Path sock = dir.resolve("socket");
            Process p = new ProcessBuilder(pulseaudio.toString(), "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "--use-pid-file=no",
                    "--load=module-native-protocol-unix socket=" + sock + " auth-anonymous=1", "--load=module-always-sink")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("pulseaudio.log").toFile())
                    .directory(dir.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy, "livecheck-pulseaudio-stop"));
            await("PulseAudio for Firefox listening on " + sock).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> Files.exists(sock) || !p.isAlive());
            if (!p.isAlive()) {
                throw new LivecheckException("PulseAudio for Firefox exited at once: see " + dir.resolve("pulseaudio.log"));
            }
            socket = sock;
            server = p;
            return "unix:" + sock;
        } catch (IOException e) {
            throw new LivecheckException("cannot start PulseAudio for Firefox: " + e.getMessage(), e);
        }
    }
}
