package dev.livecheck.livekit;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.net.Ports;
import dev.livecheck.process.ProcessRegistry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LiveKit Egress beside a LiveKit livecheck starts: Redis (which LiveKit and Egress talk through), a private
 * PulseAudio server (where Egress's Chrome plays a room's audio) and the Egress service itself, each a child
 * process stopped on {@link #close()}. Egress writes recordings under {@link #recordingsDir()}, on this machine,
 * so a check can decode them. {@code scripts/provision --egress} installs and builds all of it.
 */
public final class LocalEgress implements AutoCloseable {
    /** By name, in start order (stopped in reverse). */
    private final Map<String, Process> processes = new java.util.LinkedHashMap<>();
    private final ServerLog log = new ServerLog();
    private final Path workDir;
    /** Sockets (PulseAudio's, Chrome's) live here: a Unix socket's path must stay under 108 characters. */
    private final Path socketDir;
    private final int redisPort;

    private LocalEgress(Path workDir, int redisPort) {
        this.workDir = workDir;
        this.redisPort = redisPort;
        try {
            this.socketDir = Files.createTempDirectory(Path.of("/tmp"), "lc-egress");
        } catch (IOException e) {
            throw new LivecheckException("cannot create a folder for Egress's sockets under /tmp: " + e.getMessage(), e);
        }
    }

    /** Redis first: LiveKit must be configured with it before it starts ({@link #redisAddress()}). */
    static LocalEgress prepare(Path workDir) {
        LocalEgress egress = new LocalEgress(workDir, Ports.freeTcp());
        try {
            Files.createDirectories(egress.recordingsDir());
            egress.spawn("redis", List.of(tool("redis-server"), "--port", Integer.toString(egress.redisPort), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", workDir.toString()), Map.of());
            Readiness.awaitReady("Redis", "listening on port " + egress.redisPort, () -> Ports.isListening(egress.redisPort), Duration.ofSeconds(10),
                    () -> egress.alive("redis"), () -> egress.log.tail(10));
        } catch (IOException | RuntimeException e) {
            egress.close();
            throw e instanceof LivecheckException l ? l : new LivecheckException("Redis for Egress did not start: " + e.getMessage(), e);
        }
        return egress;
    }

    String redisAddress() {
        return "127.0.0.1:" + redisPort;
    }

    /** Starts PulseAudio and Egress against the (started) LiveKit. */
    void start(Path binary, LocalServerConfig livekit, Path chromiumDir) {
        try {
            Path socket = socketDir.resolve("pulse.sock");
            spawn("pulseaudio", List.of(tool("pulseaudio"), "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "--use-pid-file=no",
                    "--load=module-native-protocol-unix socket=" + socket + " auth-anonymous=1", "--load=module-always-sink"), Map.of());
            Readiness.awaitReady("PulseAudio", "listening on " + socket, () -> Files.exists(socket), Duration.ofSeconds(10), () -> alive("pulseaudio"), () -> log.tail(10));
            int health = Ports.freeTcp();
            Path config = Files.createTempFile(workDir, "egress", ".yaml", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(config, yaml(livekit, health));
            // Egress re-executes itself ("egress run-handler") per recording: its folder goes first on PATH, with Chromium's
            String path = binary.getParent() + (chromiumDir == null ? "" : ":" + chromiumDir) + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
            spawn("egress", List.of(binary.toString(), "--config", config.toString()),
                    Map.of("PATH", path, "TMPDIR", socketDir.toString(), "PULSE_SERVER", "unix:" + socket));
            Readiness.awaitReady("Egress", "healthy on port " + health, () -> Readiness.answersOk("http://127.0.0.1:" + health), Duration.ofSeconds(30),
                    () -> alive("egress"), () -> log.tail(15));
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof LivecheckException l ? l : new LivecheckException("Egress did not start: " + e.getMessage(), e);
        }
    }

    /** Where recordings land: Egress's file outputs are paths on this machine. */
    public Path recordingsDir() {
        return workDir.resolve("recordings");
    }

    public ServerLog log() {
        return log;
    }

    /** Egress's YAML. Holds the API secret: written only to a private file. */
    private String yaml(LocalServerConfig livekit, int healthPort) {
        return """
                api_key: %s
                api_secret: %s
                ws_url: %s
                insecure: true
                redis:
                  address: %s
                health_port: %d
                template_port: %d
                logging:
                  level: info
                # two cores: let one recording of each kind run at once without Egress refusing for CPU
                cpu_cost:
                  max_cpu_utilization: 0.95
                  room_composite_cpu_cost: 0.5
                  web_cpu_cost: 0.5
                  track_composite_cpu_cost: 0.25
                  track_cpu_cost: 0.25
                """.formatted(livekit.credentials().apiKey(), livekit.credentials().apiSecret(), livekit.wsUrl(), redisAddress(),
                healthPort, Ports.freeTcp());
    }

    private void spawn(String name, List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        ProcessRegistry.track(process);
        processes.put(name, process);
        Thread reader = new Thread(() -> copyLog(name, process), "egress-" + name + "-log");
        reader.setDaemon(true);
        reader.start();
    }

    /** Into memory (for start-up errors) and into {@code <workDir>/<name>.log} (for what went wrong in a recording). */
    private void copyLog(String name, Process process) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             java.io.Writer file = Files.newBufferedWriter(workDir.resolve(name + ".log"), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.append(name + ": " + line);
                file.write(line + "\n");
                file.flush();
            }
        } catch (IOException ignored) {
            // process ended
        }
    }

    private boolean alive(String name) {
        Process process = processes.get(name);
        return process != null && process.isAlive();
    }

    private static String tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        throw new LivecheckException(name + " not found on PATH: Egress needs it; run scripts/provision --egress");
    }

    @Override
    public void close() {
        List<Process> started = new ArrayList<>(processes.values());
        for (int i = started.size() - 1; i >= 0; i--) {
            ProcessRegistry.stop(started.get(i));
        }
        processes.clear();
        try (java.util.stream.Stream<Path> files = Files.walk(socketDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: the OS cleans it
        }
    }
}
