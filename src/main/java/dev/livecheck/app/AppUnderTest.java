package dev.livecheck.app;

import java.util.Optional;

/** The app the checklist runs against: the embedded reference app, or your own at a URL. */
public interface AppUnderTest extends AutoCloseable {
    String baseUrl();

    AppContract contract();

    /** How long the app's session page waits for LiveKit before it shows an error. */
    default java.time.Duration connectTimeout() {
        return variant().map(v -> java.time.Duration.ofMillis(v.connectTimeoutMs())).orElse(contract().connectTimeout());
    }

    /** The embedded reference app's settings, when that is what runs; empty for an external app. */
    Optional<AppVariant> variant();

    @Override
    void close();
}
