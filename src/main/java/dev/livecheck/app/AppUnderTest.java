package dev.livecheck.app;

import dev.livecheck.profile.AppProfile;

import java.time.Duration;
import java.util.Optional;

/** The app the checklist runs against: the embedded reference app, or your own at a URL, seen through its profile. */
public interface AppUnderTest extends AutoCloseable {
    String baseUrl();

    /** How livecheck sees this app: flow, locators, conventions, what it does not offer. */
    AppProfile profile();

    /** How long the app promises to try to connect before it shows an error. */
    default Duration connectTimeout() {
        return variant().map(v -> Duration.ofMillis(v.connectTimeoutMs())).orElse(profile().conventions().connectTimeout());
    }

    /** The embedded reference app's settings, when that is what runs; empty for an external app. */
    Optional<AppVariant> variant();

    @Override
    void close();
}
