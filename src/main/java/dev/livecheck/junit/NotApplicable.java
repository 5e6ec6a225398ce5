package dev.livecheck.junit;

import dev.livecheck.profile.AppProfile;
import dev.livecheck.profile.Feature;
import io.qameta.allure.Allure;
import org.opentest4j.TestAbortedException;

/**
 * A check that does not apply to this app, with the reason its profile gives. Allure records it as skipped
 * with the label {@code notApplicable}; the release gate counts it as not applicable, apart from passed and skipped.
 */
public final class NotApplicable extends TestAbortedException {
    public static final String LABEL = "notApplicable";
    public static final String PREFIX = "not applicable: ";

    private NotApplicable(String message) {
        super(message);
    }

    /** Ends the test as not applicable when the profile says the app lacks the feature. */
    public static void unless(AppProfile profile, Feature feature) {
        profile.notApplicable(feature).ifPresent(reason -> {
            String message = PREFIX + reason + " (profile " + profile.name() + ", no " + feature + ")";
            Allure.label(LABEL, reason);
            throw new NotApplicable(message);
        });
    }
}
