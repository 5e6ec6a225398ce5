package dev.livecheck.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The scripts livecheck puts into pages, read from its own jar. */
final class Classpath {
    private Classpath() {
    }

    static String text(String resource) {
        try (InputStream in = Classpath.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(resource + " missing from the classpath", e);
        }
    }
}
