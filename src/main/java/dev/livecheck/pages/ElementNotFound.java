package dev.livecheck.pages;

import java.time.Duration;

/**
 * A step's element did not show up where the profile says it is: a failed check of the page (or a profile
 * that does not fit the app), in one line that names the element, its locator, the page and the profile.
 */
public final class ElementNotFound extends AssertionError {
    public ElementNotFound(String key, String locator, String url, String profile, Duration waited) {
        super(key + " (" + locator + ") not shown on " + url + " within " + waited.toSeconds() + " s — profile '" + profile
                + "': the page lacks it, or the profile's locator does not fit the app");
    }
}
