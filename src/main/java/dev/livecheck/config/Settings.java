package dev.livecheck.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a setting from a system property ({@code livecheck.livekit.mode}), else from the environment
 * ({@code LIVECHECK_LIVEKIT_MODE}, or an explicit alias such as {@code LIVEKIT_URL}), else from what
 * scripts/provision found (its properties file): what a user sets always wins over what was provisioned.
 */
public final class Settings {
    private final Function<String, String> properties;
    private final Map<String, String> environment;
    private final Function<String, String> provisioned;

    public Settings(Function<String, String> properties, Map<String, String> environment) {
        this(properties, environment, key -> null);
    }

    private Settings(Function<String, String> properties, Map<String, String> environment, Function<String, String> provisioned) {
        this.properties = properties;
        this.environment = environment;
        this.provisioned = provisioned;
    }

    public static Settings fromSystem() {
        return new Settings(System::getProperty, System.getenv(), Provisioned::get);
    }

    /** These settings with one property set, as if given with -D. */
    public Settings with(String property, String value) {
        return new Settings(key -> key.equals(property) ? value : properties.apply(key), environment, provisioned);
    }

    public Optional<String> get(String property, String... envAliases) {
        String value = properties.apply(property);
        if (isBlank(value)) {
            value = environment.get(envName(property));
        }
        for (int i = 0; isBlank(value) && i < envAliases.length; i++) {
            value = environment.get(envAliases[i]);
        }
        if (isBlank(value)) {
            value = provisioned.apply(property);
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
