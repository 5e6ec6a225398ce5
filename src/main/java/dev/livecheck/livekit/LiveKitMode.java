package dev.livecheck.livekit;

import dev.livecheck.config.LivecheckException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where the LiveKit server comes from. Selected with {@code livecheck.livekit.mode}. */
public enum LiveKitMode {
    /** Container if a Docker engine answers, else the local binary. */
    AUTO,
    /** A Testcontainers container (host networking: WebRTC needs UDP). */
    CONTAINER,
    /** A local {@code livekit-server} process. */
    BINARY,
    /** A deployment you run: {@code LIVEKIT_URL}, {@code LIVEKIT_API_KEY}, {@code LIVEKIT_API_SECRET}. */
    EXTERNAL;

    public static LiveKitMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String known = Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
            throw new LivecheckException("unknown LiveKit mode '" + value + "': set livecheck.livekit.mode to one of " + known);
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
