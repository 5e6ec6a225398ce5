package dev.livecheck.junit;

import dev.livecheck.profile.AppProfile;
import dev.livecheck.profile.Feature;
import io.qameta.allure.Allure;
import org.opentest4j.TestAbortedException;

import java.util.Optional;

/**
 * A check that does not apply to this app, with the reason its profile gives. Only the profile makes a test not
 * applicable (the constructor is private): livecheck's run record ({@link RunRecorder}) takes it from this exception,
 * typed, and the gate reads it from there — never from a skip's wording or a label. Allure records it as skipped with
 * the label {@value #LABEL}, for people reading the report.
 */
public final class NotApplicable extends TestAbortedException {
    public static final String LABEL = "notApplicable";
    public static final String PREFIX = "not applicable: ";

    private final Feature feature;
    private final String reason;
    private final String checked;

    private NotApplicable(Feature feature, String reason, String checked, String profile) {
        super(PREFIX + reason + " (profile " + profile + ", no " + feature + ")");
        this.feature = feature;
        this.reason = reason;
        this.checked = checked;
    }

    /** Ends the test as not applicable when the profile says the app lacks the feature. */
    public static void unless(AppProfile profile, Feature feature) {
        unless(profile, feature, null);
    }

    /** As {@link #unless(AppProfile, Feature)}, saying what the run looked at to hold the claim against the app. */
    static void unless(AppProfile profile, Feature feature, String checked) {
        profile.notApplicable(feature).ifPresent(reason -> {
            Allure.label(LABEL, reason);
            throw new NotApplicable(feature, reason, checked, profile.name());
        });
    }

    public Feature feature() {
        return feature;
    }

    public String reason() {
        return reason;
    }

    public Optional<String> checked() {
        return Optional.ofNullable(checked);
    }
}
