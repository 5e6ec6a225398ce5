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
import static dev.livecheck.check.ErrorWording.Problem.EXPIRED;
import static dev.livecheck.check.ErrorWording.Problem.NOT_FOUND;
import static dev.livecheck.check.ErrorWording.Problem.NOT_LIVE;
import static dev.livecheck.check.ErrorWording.Problem.NOT_YOURS;
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
    void eachBookingSituationIsSaidInItsOwnWords() {
        String notFound = "Booking not found. We couldn't find booking 999999.";
        String notLive = "Session not live. Booking 5002 is UPCOMING; you can join when it is LIVE.";
        assertThat(ErrorWording.problemsIn(notFound, REFERENCE, Set.of(NOT_FOUND, NOT_LIVE, NOT_YOURS))).containsExactly(NOT_FOUND);
        assertThat(ErrorWording.problemsIn(notLive, REFERENCE, Set.of(NOT_FOUND, NOT_LIVE, NOT_YOURS))).containsExactly(NOT_LIVE);
        assertThat(ErrorWording.problemsIn("You are not a participant of booking 5003.", REFERENCE, Set.of(NOT_FOUND, NOT_LIVE, NOT_YOURS)))
                .containsExactly(NOT_YOURS);
        assertThatThrownBy(() -> ErrorWording.assertActionable("client", notFound, Set.of(GO_BACK), REFERENCE, Set.of(NOT_LIVE), Set.of(GO_BACK)))
                .hasMessageContaining("says what went wrong");
    }

    @Test
    void wordsAreMatchedFromAWordsStart() {
        assertThat(ErrorWording.says("We are connecting you", "connect")).isTrue();
        assertThat(ErrorWording.says("You were disconnected", "connect")).isFalse();
        assertThat(ErrorWording.says("The site is inaccessible", "access")).isFalse();
        assertThat(ErrorWording.says("It doesn\u2019t exist", "doesn't exist")).isTrue();
        assertThat(ErrorWording.problemsIn("Couldn't join the session.", REFERENCE, Set.of(EXPIRED))).isEmpty();
    }

    @Test
    void aWarningCallsBlockedOnlyTheDevicesItNamesAsRefused() {
        assertThat(ErrorWording.devicesCalledBlocked("Your camera is blocked. Allow camera access in your browser's site settings so the other "
                + "person can see you. You can still see and hear them.", REFERENCE)).containsExactly("camera");
        assertThat(ErrorWording.devicesCalledBlocked("Your camera and microphone are blocked. Allow access in settings.", REFERENCE))
                .containsExactly("camera", "microphone");
        assertThat(ErrorWording.devicesCalledBlocked("Your microphone is blocked. Your camera still works.", REFERENCE))
                .containsExactly("microphone");
    }

    @Test
    void theAppsOwnWordsCount() {
        AppProfile german = ProfileLoader.load("reference-app", Path.of("testdata/apps"),
                Map.of("vocabulary.connection", "Verbindung", "vocabulary.tryAgain", "erneut versuchen"));
        ErrorWording.assertActionable("client", "Keine Verbindung. Bitte erneut versuchen.", Set.of(), german, Set.of(CONNECTION), Set.of(TRY_AGAIN));
        assertThat(ErrorWording.key(TRY_AGAIN)).isEqualTo("tryAgain");
    }
}
