package dev.livecheck.app;

import java.util.Optional;

/** The app the checklist runs against: the embedded reference app, or your own at a URL. */
public interface AppUnderTest extends AutoCloseable {
    String baseUrl();

    AppContract contract();

    /** The embedded reference app's settings, when that is what runs; empty for an external app. */
    Optional<AppVariant> variant();

    @Override
    void close();
}
