package dev.livecheck.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an app may or may not offer. A profile lists what its app lacks under {@code notApplicable}, with a
 * reason; the checklist items that need it are then reported not applicable — never passed, never silently skipped.
 */
public enum Feature {
    LOGIN("login"),
    BOOKINGS("bookings"),
    ROLES("roles"),
    RECORDING("recording"),
    SCREEN_SHARE("screenShare"),
    PARTICIPANT_LIST("participantList"),
    CONNECTION_QUALITY("connectionQuality");

    private final String key;

    Feature(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Feature> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    public static String keys() {
        return Arrays.stream(values()).map(Feature::key).toList().toString();
    }

    @Override
    public String toString() {
        return key.toLowerCase(Locale.ROOT);
    }
}
