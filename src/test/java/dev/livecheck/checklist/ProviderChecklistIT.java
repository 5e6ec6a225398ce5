package dev.livecheck.checklist;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.Consultation;
import dev.livecheck.check.Joining;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.Presence;
import dev.livecheck.check.Recording;
import dev.livecheck.check.ScreenShare;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.Needs;
import dev.livecheck.livekit.Rooms;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.livecheck.check.Waits.waitUntil;
import static dev.livecheck.profile.Feature.BOOKINGS;
import static dev.livecheck.profile.Feature.LOGIN;
import static dev.livecheck.profile.Feature.RECORDING;
import static dev.livecheck.profile.Feature.SCREEN_SHARE;
import static livekit.LivekitModels.TrackSource.CAMERA;
import static livekit.LivekitModels.TrackSource.MICROPHONE;
import static org.assertj.core.api.Assertions.assertThat;

@LiveCheck
@Tag("provider")
@DisplayName("Provider checklist")
class ProviderChecklistIT {

    @Test
    @Checks("P-01")
    @Needs(LOGIN)
    @DisplayName("P-01 Login successfully")
    void logsIn(Participant provider) {
        provider.logIn();

        assertThat(provider.nav().currentUser()).as("signed-in user shown").isNotBlank();
        assertThat(provider.loginPage().isShown()).as("login form gone").isFalse();
    }

    @Test
    @Checks("P-02")
    @Needs({LOGIN, BOOKINGS})
    @DisplayName("P-02 Navigate to Provider Bookings")
    void navigatesToProviderBookings(Participant provider, AppUnderTest app) {
        provider.logIn();
        provider.openBookings();

        assertThat(provider.bookings().title()).isEqualTo(app.profile().text("bookings.title.provider").orElseThrow());
    }

    @Test
    @Checks("P-03")
    @Needs(BOOKINGS)
    @DisplayName("P-03 Find LIVE booking")
    void findsLiveBooking(Participant provider, AppUnderTest app) {
        String live = app.profile().liveSession();
        provider.logIn();
        provider.openBookings();

        assertThat(provider.bookings().lists(live)).as("booking %s listed", live).isTrue();
        app.profile().text("bookings.liveStatus").ifPresent(status -> assertThat(provider.bookings().status(live)).isEqualTo(status));
        app.profile().text("bookings.joinLabel").ifPresent(label -> assertThat(provider.bookings().joinLabel(live)).isEqualTo(label));
        assertThat(provider.bookings().offersJoin(live)).as("join offered for booking %s", live).isTrue();
    }

    @Test
    @Checks("P-04")
    @DisplayName("P-04 Click \"Join Live Session\"")
    void clicksJoinLiveSession(Participant provider, AppUnderTest app, Rooms rooms) {
        provider.logInAndJoin();

        Joining.awaitJoined(provider, app, rooms);
    }

    @Test
    @Checks("P-05")
    @DisplayName("P-05 Connection establishes within 30 seconds")
    void connectsWithin30Seconds(Participant provider, Rooms rooms) {
        provider.logInAndJoin();

        Joining.awaitConnectedWithin(provider, Duration.ofSeconds(30), rooms);
    }

    @Test
    @Checks("P-06")
    @DisplayName("P-06 Camera and microphone work")
    void cameraAndMicrophoneWork(Participant provider, Participant client, Rooms rooms) {
        Consultation.joinBoth(provider, client);

        MediaFlow.awaitServerListsTracks(rooms, provider, CAMERA, MICROPHONE);
        MediaFlow.awaitMediaFrom(provider, client);
    }

    @Test
    @Checks("P-07")
    @Needs(RECORDING)
    @DisplayName("P-07 Recording controls are visible")
    void seesRecordingControls(Participant provider, AppUnderTest app) {
        provider.logInAndJoin();
        Presence.awaitInRoom(provider, app.connectTimeout());

        waitUntil("the provider's page shows recording controls").until(() -> provider.session().showsRecordingControls());
    }

    @Test
    @Checks("P-08")
    @Needs(RECORDING)
    @DisplayName("P-08 Can start/stop recording")
    void startsAndStopsRecording(Participant provider, Participant client, Rooms rooms) {
        Consultation.joinBoth(provider, client);

        Recording recording = Recording.startOn(provider);
        recording.awaitStarted(rooms, provider, client);
        MediaFlow.awaitStillFlowing(client, Duration.ofSeconds(5));
        recording.stop();
        Recording.awaitRecording(false, rooms, provider, provider, client);
        recording.awaitRecordedSession(rooms, provider, client);
    }

    @Test
    @Checks("P-09")
    @Needs(SCREEN_SHARE)
    @DisplayName("P-09 Screen sharing works")
    void sharesScreen(Participant provider, Participant client, Rooms rooms) {
        Consultation.joinBoth(provider, client);

        ScreenShare.start(provider);
        ScreenShare.awaitShared(provider, client, rooms);
        ScreenShare.stop(provider);
        ScreenShare.awaitGone(provider, client, rooms);
    }

    @Test
    @Checks("P-10")
    @DisplayName("P-10 Can see client when they join")
    void seesClientWhenTheyJoin(Participant provider, Participant client, AppUnderTest app) {
        provider.logInAndJoin();
        Presence.awaitInRoom(provider, app.connectTimeout());
        Presence.awaitWaitingFor(client, provider);

        client.logInAndJoin();

        Presence.awaitPageShows(provider, client);
        MediaFlow.awaitVideoFrom(client, provider);
    }
}
