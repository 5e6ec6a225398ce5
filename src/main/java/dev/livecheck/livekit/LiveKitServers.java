package dev.livecheck.livekit;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the LiveKit server the settings ask for:
 * <ul>
 *   <li>{@code livecheck.livekit.mode}: auto (default), container, binary or external;</li>
 *   <li>{@code livecheck.livekit.image}: the container image (default the official
 *       {@code livekit/livekit-server:v1.13.5}; scripts/provision sets a locally built one);</li>
 *   <li>{@code livecheck.livekit.binary}: the local binary (scripts/provision builds it);</li>
 *   <li>{@code LIVEKIT_URL}, {@code LIVEKIT_API_KEY}, {@code LIVEKIT_API_SECRET}: an external deployment;</li>
 *   <li>{@code livecheck.livekit.port}: a fixed HTTP port (default 0: a free one);</li>
 *   <li>{@code livecheck.egress}: true starts LiveKit Egress (and the Redis it needs) beside a local LiveKit, from
 *       {@code livecheck.egress.binary} (scripts/provision --egress builds it).</li>
 * </ul>
 */
public final class LiveKitServers {
    public static final String DEFAULT_VERSION = "v1.13.5";
    public static final String OFFICIAL_IMAGE = "livekit/livekit-server:" + DEFAULT_VERSION;

    private static LiveKitServer shared;

    private LiveKitServers() {
    }

    /**
     * One server for several runs in one JVM (the bug matrix): closing what this returns does nothing;
     * {@link #closeShared()} stops it.
     */
    public static synchronized LiveKitServer startShared(Settings settings) {
        if (shared == null) {
            shared = start(settings);
        }
        return new SharedLiveKit(shared);
    }

    public static synchronized void closeShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    public static LiveKitServer start(Settings settings) {
        LiveKitMode mode = LiveKitMode.parse(settings.getOr("livecheck.livekit.mode", "auto"));
        String version = settings.getOr("livecheck.livekit.version", DEFAULT_VERSION);
        if (mode != LiveKitMode.EXTERNAL && egressWanted(settings)) {
            egressBinary(settings); // bad Egress settings fail before anything starts
        }
        return switch (mode) {
            case EXTERNAL -> external(settings);
            case CONTAINER -> container(settings, version);
            case BINARY -> binary(settings, version);
            case AUTO -> auto(settings, version);
        };
    }

    private static LiveKitServer auto(Settings settings, String version) {
        String image = image(settings, version);
        if (ContainerLiveKit.dockerAvailable() && ContainerLiveKit.imageExists(image)) {
            return container(settings, version);
        }
        Path binary = binaryPath(settings, version);
        if (Files.isExecutable(binary)) {
            return binary(settings, version);
        }
        throw new LivecheckException("no Docker engine with image " + image + " and no LiveKit binary at " + binary
                + ": run scripts/provision, or use livecheck.livekit.mode=external with LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET");
    }

    private static LiveKitServer container(Settings settings, String version) {
        if (!ContainerLiveKit.dockerAvailable()) {
            throw new LivecheckException("livecheck.livekit.mode=container but no Docker engine answers: start one (scripts/provision does) "
                    + "or use livecheck.livekit.mode=binary");
        }
        return withEgress(settings, config -> new ContainerLiveKit(image(settings, version), version, config));
    }

    private static LiveKitServer binary(Settings settings, String version) {
        return withEgress(settings, config -> new BinaryLiveKit(binaryPath(settings, version), version, config));
    }

    /** A local LiveKit, with Egress beside it when the settings ask for recording. */
    private static LocalLiveKit withEgress(Settings settings, java.util.function.Function<LocalServerConfig, LocalLiveKit> start) {
        if (!egressWanted(settings)) {
            return start.apply(localConfig(settings));
        }
        Path binary = egressBinary(settings);
        LocalEgress egress = LocalEgress.prepare(egressDir(settings));
        LocalLiveKit server = null;
        try {
            LocalServerConfig config = localConfig(settings).withRedis(egress.redisAddress());
            server = start.apply(config);
            egress.start(binary, config, settings.get("livecheck.chromium.binary").filter(s -> !s.isBlank()).map(b -> Path.of(b).getParent()).orElse(null));
            server.attach(egress);
            return server;
        } catch (RuntimeException e) {
            egress.close();
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    private static boolean egressWanted(Settings settings) {
        return settings.getBoolean("livecheck.egress", false);
    }

    private static Path egressBinary(Settings settings) {
        Path binary = Path.of(settings.get("livecheck.egress.binary").filter(s -> !s.isBlank()).orElseThrow(() -> new LivecheckException(
                "livecheck.egress=true but Egress is not provisioned: run scripts/provision --egress (mvn verify -Dlivecheck.egress=true does), "
                        + "or set livecheck.egress.binary")));
        if (!Files.isExecutable(binary)) {
            throw new LivecheckException("Egress binary not found at " + binary + ": run scripts/provision --egress (mvn verify -Dlivecheck.egress=true does), "
                    + "or set livecheck.egress.binary");
        }
        return binary;
    }

    private static Path egressDir(Settings settings) {
        Path base = Path.of(settings.getOr("livecheck.egress.dir", "target/livecheck/egress")).toAbsolutePath();
        try {
            Files.createDirectories(base);
            return Files.createTempDirectory(base, "run-");
        } catch (java.io.IOException e) {
            throw new LivecheckException("cannot create a folder for Egress under " + base + ": " + e.getMessage() + " (livecheck.egress.dir)", e);
        }
    }

    private static LiveKitServer external(Settings settings) {
        if (egressWanted(settings)) {
            throw new LivecheckException("livecheck.egress=true starts Egress beside a LiveKit livecheck starts; an external deployment "
                    + "records with its own Egress: unset livecheck.egress");
        }
        String url = require(settings, "livecheck.livekit.url", "LIVEKIT_URL");
        String key = require(settings, "livecheck.livekit.apiKey", "LIVEKIT_API_KEY");
        String secret = require(settings, "livecheck.livekit.apiSecret", "LIVEKIT_API_SECRET");
        return new ExternalLiveKit(url, new Credentials(key, secret), mediaEndpoints(settings.getOr("livecheck.livekit.mediaEndpoints", "")));
    }

    /** {@code 10.0.0.5:7882/udp,10.0.0.5:7881/tcp}: where an external LiveKit's ICE candidates point. */
    static java.util.List<dev.livecheck.net.MediaEndpoint> mediaEndpoints(String list) {
        java.util.List<dev.livecheck.net.MediaEndpoint> endpoints = new java.util.ArrayList<>();
        for (String entry : list.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.+):(\\d+)/(udp|tcp)").matcher(entry.trim());
            if (!m.matches()) {
                throw new LivecheckException("livecheck.livekit.mediaEndpoints: '" + entry.trim() + "' is not address:port/udp or address:port/tcp");
            }
            endpoints.add(m.group(3).equals("udp") ? dev.livecheck.net.MediaEndpoint.udp(m.group(1), Integer.parseInt(m.group(2)))
                    : dev.livecheck.net.MediaEndpoint.tcp(m.group(1), Integer.parseInt(m.group(2))));
        }
        return endpoints;
    }

    private static LocalServerConfig localConfig(Settings settings) {
        return LocalServerConfig.create(settings.getInt("livecheck.livekit.port", 0), 0, 0,
                dev.livecheck.net.AdvertisedHost.literal(dev.livecheck.net.AdvertisedHost.of(settings)));
    }

    private static String image(Settings settings, String version) {
        return settings.getOr("livecheck.livekit.image", "livekit/livekit-server:" + version);
    }

    private static Path binaryPath(Settings settings, String version) {
        return Path.of(settings.getOr("livecheck.livekit.binary",
                System.getProperty("user.home") + "/.cache/livecheck/livekit/" + version + "/livekit-server"));
    }

    private static String require(Settings settings, String property, String env) {
        return settings.get(property, env).orElseThrow(() -> new LivecheckException(
                "livecheck.livekit.mode=external needs " + env + " (or -D" + property + "): set it to your deployment's value"));
    }
}
