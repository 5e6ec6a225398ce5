package dev.livecheck.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What scripts/provision found (target/livecheck/provision.properties: Chromium, LiveKit binary and image,
 * livekit-client), loaded as system properties by the command-line entry points; explicit -D values win.
 */
public final class Provisioned {
    public static final Path DEFAULT = Path.of("target/livecheck/provision.properties");

    private Provisioned() {
    }

    public static void load() {
        Path file = Path.of(System.getProperty("livecheck.provisioned", DEFAULT.toString()));
        if (!Files.isReadable(file)) {
            return;
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new LivecheckException("cannot read " + file + ": " + e.getMessage() + " — rerun scripts/provision", e);
        }
        props.stringPropertyNames().forEach(k -> {
            if (System.getProperty(k) == null) {
                System.setProperty(k, props.getProperty(k));
            }
        });
    }
}
