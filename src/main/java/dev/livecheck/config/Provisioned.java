package dev.livecheck.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What scripts/provision found (target/livecheck/provision.properties, or {@code -Dlivecheck.provisioned}):
 * Chromium, the LiveKit binary and image, livekit-client, the Grid classpath. The last fallback of
 * {@link Settings}: a -D property or an environment variable always wins over it.
 */
public final class Provisioned {
    public static final Path DEFAULT = Path.of("target/livecheck/provision.properties");
    private static Properties loaded;

    private Provisioned() {
    }

    public static synchronized String get(String key) {
        if (loaded == null) {
            loaded = read(Path.of(System.getProperty("livecheck.provisioned", DEFAULT.toString())));
        }
        return loaded.getProperty(key);
    }

    private static Properties read(Path file) {
        Properties props = new Properties();
        if (Files.isReadable(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                props.load(in);
            } catch (IOException e) {
                throw new LivecheckException("cannot read " + file + ": " + e.getMessage() + " — rerun scripts/provision", e);
            }
        }
        return props;
    }
}
