package dev.livecheck.app;

import dev.livecheck.profile.AppProfile;

import java.time.Duration;
import java.util.Optional;

/** The app the checklist runs against: the embedded reference app, or your own at a URL, seen through its profile. */
public interface AppUnderTest extends AutoCloseable {
    String baseUrl();

    /** How livecheck sees this app: flow, locators, conventions, what it does not offer. */
    AppProfile profile();

    /**
     * How long the app may try to connect before it shows an error: the profile's promise (the checklist's 30 s for the
     * reference app), or the timeout the harness itself gave the embedded app. Never a value read from the app under
     * test: an app whose own timeout drifted would be held to its drift.
     */
    default Duration connectTimeout() {
        return variant().flatMap(AppVariant::harnessTimeout).orElse(profile().conventions().connectTimeout());
    }

    /** The embedded reference app's settings, when that is what runs; empty for an external app. */
    Optional<AppVariant> variant();

    @Override
    void close();
}
