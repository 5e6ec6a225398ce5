package dev.livecheck.refapp;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reference app's configuration. The LiveKit variables are required: without them the app refuses
 * to start and names the missing one (the first thing the "both stuck on Waiting…" checklist checks).
 *
 * @param livekitUrl      what browsers connect to (LIVEKIT_URL)
 * @param connectTimeoutMs how long the session page waits for LiveKit before showing an error
 * @param tokenTtlSeconds lifetime of the tokens the app mints
 * @param naming          the names of the two sides, rooms and console lines (LIVECHECK_APP_NAMING)
 * @param egress          where LiveKit Egress records to (LIVEKIT_API_URL, LIVECHECK_APP_EGRESS_DIR); null: the app
 *                        records with a hidden browser participant instead
 */
public record RefAppConfig(String livekitUrl, String apiKey, String apiSecret, int port, long connectTimeoutMs,
                           long tokenTtlSeconds, Path seedFile, Path livekitClientJs, Set<Bug> bugs, Naming naming, Egress egress) {

    /** Recording through LiveKit Egress: its API (LiveKit's HTTP URL) and the folder, on Egress's machine, it writes files to. */
    public record Egress(String apiUrl, Path outputDir) {
    }

    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
    public static final long DEFAULT_TOKEN_TTL_SECONDS = 3600;
    private static final String DEV_URL = "ws://localhost:7880";
    private static final String DEV_KEY = "devkey";
    private static final String DEV_SECRET = "secret";

    public RefAppConfig {
        bugs = bugs.isEmpty() ? EnumSet.noneOf(Bug.class) : EnumSet.copyOf(bugs);
    }

    public static RefAppConfig fromEnvironment(Map<String, String> env) {
        Set<Bug> bugs = Bug.parseList(env.getOrDefault("LIVECHECK_APP_BUGS", env.get("APP_BUGS")));
        return new RefAppConfig(
                require(env, "LIVEKIT_URL"),
                require(env, "LIVEKIT_API_KEY"),
                require(env, "LIVEKIT_API_SECRET"),
                Integer.parseInt(env.getOrDefault("PORT", "8080")),
                Long.parseLong(env.getOrDefault("LIVECHECK_APP_CONNECT_TIMEOUT_MS", Long.toString(DEFAULT_CONNECT_TIMEOUT_MS))),
                Long.parseLong(env.getOrDefault("LIVECHECK_APP_TOKEN_TTL_S", Long.toString(DEFAULT_TOKEN_TTL_SECONDS))),
                Path.of(env.getOrDefault("LIVECHECK_APP_SEED", "testdata/reference-app/seed.json")),
                Path.of(require(env, "LIVEKIT_CLIENT_JS")),
                bugs,
                Naming.parse(env.get("LIVECHECK_APP_NAMING")),
                Optional.ofNullable(env.get("LIVECHECK_APP_EGRESS_DIR")).filter(d -> !d.isBlank())
                        .map(dir -> new Egress(env.getOrDefault("LIVEKIT_API_URL", require(env, "LIVEKIT_URL").replaceFirst("^ws", "http")), Path.of(dir)))
                        .orElse(null));
    }

    /** With the livekit-variables-ignored bug: what {@code livekit-server --dev} listens with (its public dev key). */
    public RefAppConfig withBugsApplied() {
        return has(Bug.LIVEKIT_VARIABLES_IGNORED)
                ? new RefAppConfig(DEV_URL, DEV_KEY, DEV_SECRET, port, connectTimeoutMs, tokenTtlSeconds, seedFile, livekitClientJs, bugs, naming, egress)
                : this;
    }

    public boolean has(Bug bug) {
        return bugs.contains(bug);
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new MissingConfigurationException(name);
        }
        return value;
    }

    @Override
    public String toString() {
        return "RefAppConfig[livekitUrl=" + livekitUrl + ", apiKey=" + apiKey + ", apiSecret=<redacted>, port=" + port
                + ", connectTimeoutMs=" + connectTimeoutMs + ", tokenTtlSeconds=" + tokenTtlSeconds + ", bugs=" + bugs + ", naming=" + naming.id() + ", egress=" + egress + "]";
    }

    /** The app can't run without this variable; the message says which and how to fix it. */
    public static final class MissingConfigurationException extends IllegalStateException {
        public MissingConfigurationException(String variable) {
            super(variable + " is not set: the reference app needs LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET"
                    + " and LIVEKIT_CLIENT_JS (scripts/provision prints its path); set " + variable + " and start again");
        }
    }
}
