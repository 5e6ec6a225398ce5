package dev.livecheck.refapp;

/**
 * Runs the reference app on its own, configured by environment variables:
 * LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, LIVEKIT_CLIENT_JS (required), PORT (8080), HOST (127.0.0.1),
 * LIVECHECK_APP_CONNECT_TIMEOUT_MS, LIVECHECK_APP_TOKEN_TTL_S, LIVECHECK_APP_SEED, LIVECHECK_APP_BUGS,
 * LIVECHECK_APP_EGRESS_DIR (record with LiveKit Egress into this folder; LIVEKIT_API_URL, default from LIVEKIT_URL).
 */
public final class ReferenceAppMain {
    private ReferenceAppMain() {
    }

    public static void main(String[] args) {
        RefAppConfig config;
        try {
            config = RefAppConfig.fromEnvironment(System.getenv());
        } catch (RuntimeException e) {
            System.err.println("reference app: " + e.getMessage());
            System.exit(2);
            return;
        }
        ReferenceApp app = ReferenceApp.start(config, System.getenv().getOrDefault("HOST", "127.0.0.1"));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        System.out.println("reference app listening on " + app.url() + " (" + config + ")");
    }
}
