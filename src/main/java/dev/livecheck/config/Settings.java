package dev.livecheck.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a setting from a system property ({@code livecheck.livekit.mode}) or, failing that, from the
 * environment ({@code LIVECHECK_LIVEKIT_MODE}, or an explicit alias such as {@code LIVEKIT_URL}).
 */
public final class Settings {
    private final Function<String, String> properties;
    private final Map<String, String> environment;

    public Settings(Function<String, String> properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public static Settings fromSystem() {
        return new Settings(System::getProperty, System.getenv());
    }

    public Optional<String> get(String property, String... envAliases) {
        String value = properties.apply(property);
        if (isBlank(value)) {
            value = environment.get(envName(property));
        }
        for (int i = 0; isBlank(value) && i < envAliases.length; i++) {
            value = environment.get(envAliases[i]);
        }
        return isBlank(value) ? Optional.empty() : Optional.of(value.trim());
    }

    public String getOr(String property, String fallback) {
        return get(property, new String[0]).orElse(fallback);
    }

    public int getInt(String property, int fallback) {
        Optional<String> raw = get(property, new String[0]);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw new LivecheckException(property + "=" + raw.get() + " is not a number: give an integer, e.g. -D" + property + "=" + fallback);
        }
    }

    public boolean getBoolean(String property, boolean fallback) {
        return get(property, new String[0]).map(Boolean::parseBoolean).orElse(fallback);
    }

    /** {@code livecheck.livekit.mode} → {@code LIVECHECK_LIVEKIT_MODE}. */
    public static String envName(String property) {
        return property.toUpperCase().replace('.', '_');
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
