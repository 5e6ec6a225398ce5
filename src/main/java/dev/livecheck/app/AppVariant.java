package dev.livecheck.app;

import java.util.Set;

/**
 * Settings of the embedded reference app that a test may need different from the default: a short
 * connection timeout, bugs switched on, or the troubleshooting guide's naming.
 */
public record AppVariant(long connectTimeoutMs, long tokenTtlSeconds, Set<String> bugs, String naming) {
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = dev.livecheck.refapp.RefAppConfig.DEFAULT_CONNECT_TIMEOUT_MS;
    public static final long DEFAULT_TOKEN_TTL_SECONDS = dev.livecheck.refapp.RefAppConfig.DEFAULT_TOKEN_TTL_SECONDS;
    /** The app keeps its own connection timeout: the harness did not set one, so it holds the app to the profile's promise. */
    public static final long APP_OWN_TIMEOUT = 0;

    public static AppVariant defaults(Set<String> bugs, String naming) {
        return new AppVariant(APP_OWN_TIMEOUT, DEFAULT_TOKEN_TTL_SECONDS, Set.copyOf(bugs), naming);
    }

    /** The timeout the harness gave the app, when it gave one (a test that shortens it to fail fast). */
    public java.util.Optional<java.time.Duration> harnessTimeout() {
        return connectTimeoutMs > 0 ? java.util.Optional.of(java.time.Duration.ofMillis(connectTimeoutMs)) : java.util.Optional.empty();
    }

    public AppVariant withConnectTimeoutMs(long ms) {
        return new AppVariant(ms, tokenTtlSeconds, bugs, naming);
    }
}
