package dev.livecheck.junit.recorded;

import dev.livecheck.junit.Checks;
import dev.livecheck.junit.NotApplicable;
import dev.livecheck.junit.Partial;
import dev.livecheck.junit.PartialNotes;
import dev.livecheck.profile.Feature;
import dev.livecheck.profile.ProfileLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.fail;

/** Checklist tests that need no app, for RunRecorderTest: one of each way a test can end for the gate. Never run on their own. */
@ExtendWith(PartialNotes.class)
public class RecordedCases {
    @Test
    @Checks("P-01")
    void passes() {
    }

    @Test
    @Checks("P-02")
    void isNotApplicableForHuddle() {
        NotApplicable.unless(ProfileLoader.load("components-app", Path.of("testdata/apps"), Map.of()), Feature.BOOKINGS);
    }

    @Test
    @Checks("D-02")
    void checksOnlyPart() {
        Partial.because("the app is joined by URL");
    }

    @Test
    @Checks("C-02")
    void fails() {
        fail("boom");
    }

    @Test
    @Checks("E-04")
    @Tag("nightly")
    void runsOnlyAtNight() {
    }

    @Test
    @Checks("E-04")
    void runsEveryTime() {
    }
}
