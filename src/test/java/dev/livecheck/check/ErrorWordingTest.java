package dev.livecheck.check;

import dev.livecheck.profile.AppProfile;
import dev.livecheck.profile.ProfileLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static dev.livecheck.check.ErrorWording.Action.GO_BACK;
import static dev.livecheck.check.ErrorWording.Action.TRY_AGAIN;
import static dev.livecheck.check.ErrorWording.Problem.BOOKING;
import static dev.livecheck.check.ErrorWording.Problem.CONNECTION;
import static dev.livecheck.check.ErrorWording.Problem.NETWORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorWordingTest {
    private static final AppProfile REFERENCE = ProfileLoader.load("reference-app", Path.of("testdata/apps"), Map.of());

    @Test
    void aClearErrorNamesTheProblemAndTheAction() {
        ErrorWording.assertActionable("client", "Could not connect to the session within 5 seconds. Check your connection and try again.",
                Set.of(), REFERENCE, Set.of(CONNECTION, NETWORK), Set.of(TRY_AGAIN));
        ErrorWording.assertActionable("client", "We couldn't find booking 999999. It may have been cancelled.", Set.of(GO_BACK), REFERENCE,
                Set.of(BOOKING), Set.of(GO_BACK));
    }

    @Test
    void aVagueErrorIsNamedForWhatItLacks() {
        assertThatThrownBy(() -> ErrorWording.assertActionable("client", "Something went wrong.", Set.of(TRY_AGAIN), REFERENCE,
                Set.of(CONNECTION), Set.of(TRY_AGAIN))).hasMessageContaining("says what went wrong");
        assertThatThrownBy(() -> ErrorWording.assertActionable("client", "The connection failed.", Set.of(), REFERENCE,
                Set.of(CONNECTION), Set.of(TRY_AGAIN))).hasMessageContaining("says what to do");
    }

    @Test
    void theAppsOwnWordsCount() {
        AppProfile german = ProfileLoader.load("reference-app", Path.of("testdata/apps"),
                Map.of("vocabulary.connection", "Verbindung", "vocabulary.tryAgain", "erneut versuchen"));
        ErrorWording.assertActionable("client", "Keine Verbindung. Bitte erneut versuchen.", Set.of(), german, Set.of(CONNECTION), Set.of(TRY_AGAIN));
        assertThat(ErrorWording.key(TRY_AGAIN)).isEqualTo("tryAgain");
    }
}
