package dev.livecheck.app;

import java.util.Set;

/**
 * Settings of the embedded reference app that a test may need different from the default: a short
 * connection timeout, a short token lifetime, or bugs switched on.
 */
public record AppVariant(long connectTimeoutMs, long tokenTtlSeconds, Set<String> bugs) {
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = dev.livecheck.refapp.RefAppConfig.DEFAULT_CONNECT_TIMEOUT_MS;
    public static final long DEFAULT_TOKEN_TTL_SECONDS = dev.livecheck.refapp.RefAppConfig.DEFAULT_TOKEN_TTL_SECONDS;

    public static AppVariant defaults(Set<String> bugs) {
        return new AppVariant(DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_TOKEN_TTL_SECONDS, Set.copyOf(bugs));
    }
}
