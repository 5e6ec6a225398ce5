package dev.livecheck.app;

import java.util.Set;

/**
 * Settings of the embedded reference app that a test may need different from the default: a short
 * connection timeout, bugs switched on, or the troubleshooting guide's naming.
 */
public record AppVariant(long connectTimeoutMs, long tokenTtlSeconds, Set<String> bugs, String naming) {
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = dev.livecheck.refapp.RefAppConfig.DEFAULT_CONNECT_TIMEOUT_MS;
    public static final long DEFAULT_TOKEN_TTL_SECONDS = dev.livecheck.refapp.RefAppConfig.DEFAULT_TOKEN_TTL_SECONDS;

    public static AppVariant defaults(Set<String> bugs, String naming) {
        return new AppVariant(DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_TOKEN_TTL_SECONDS, Set.copyOf(bugs), naming);
    }

    public AppVariant withConnectTimeoutMs(long ms) {
        return new AppVariant(ms, tokenTtlSeconds, bugs, naming);
    }
}
