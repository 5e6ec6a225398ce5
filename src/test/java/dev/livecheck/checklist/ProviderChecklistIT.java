package dev.livecheck.checklist;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.Consultation;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.Presence;
import dev.livecheck.check.ScreenShare;
import dev.livecheck.check.Recording;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.livekit.Rooms;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.livecheck.check.Waits.waitUntil;
import static livekit.LivekitModels.TrackSource.CAMERA;
import static livekit.LivekitModels.TrackSource.MICROPHONE;
import static org.assertj.core.api.Assertions.assertThat;

@LiveCheck
@Tag("provider")
@DisplayName("Provider checklist")
class ProviderChecklistIT {

    @Test
    @Checks("P-01")
    @DisplayName("P-01 Login successfully")
    void logsIn(Participant provider) {
        provider.logIn();

        assertThat(provider.nav().currentUser()).as("signed-in user shown").isNotBlank();
        assertThat(provider.loginPage().isShown()).as("login form gone").isFalse();
    }

    @Test
    @Checks("P-02")
    @DisplayName("P-02 Navigate to Provider Bookings")
    void navigatesToProviderBookings(Participant provider) {
        provider.logIn();
        provider.openBookings();

        assertThat(provider.bookings().title()).isEqualTo("Provider Bookings");
    }

    @Test
    @Checks("P-03")
    @DisplayName("P-03 Find LIVE booking")
    void findsLiveBooking(Participant provider, AppUnderTest app) {
        String live = app.contract().liveBookingId();
        provider.logIn();
        provider.openBookings();

        assertThat(provider.bookings().lists(live)).as("booking %s listed", live).isTrue();
        assertThat(provider.bookings().status(live)).isEqualTo("LIVE");
        assertThat(provider.bookings().joinLabel(live)).isEqualTo("Join Live Session");
    }

    @Test
    @Checks("P-04")
    @DisplayName("P-04 Click \"Join Live Session\"")
    void clicksJoinLiveSession(Participant provider, AppUnderTest app, Rooms rooms) {
        provider.logInAndJoin();

        Presence.awaitInRoom(provider, app.connectTimeout());
        assertThat(provider.currentPath()).isEqualTo("/session/" + app.contract().liveBookingId());
        assertThat(provider.console().contains("Starting join process for booking: " + app.contract().liveBookingId())).isTrue();
        Presence.awaitServerLists(rooms, app.contract().liveRoom(), provider);
    }

    @Test
    @Checks("P-05")
    @DisplayName("P-05 Connection establishes within 30 seconds")
    void connectsWithin30Seconds(Participant provider, AppUnderTest app, Rooms rooms) {
        provider.logInAndJoin();

        Duration took = Presence.awaitInRoom(provider, Duration.ofSeconds(30));
        assertThat(took).isLessThanOrEqualTo(Duration.ofSeconds(30));
        provider.session().configuredConnectTimeout().ifPresent(timeout ->
                assertThat(timeout).as("the connection timeout the session page runs with").isEqualTo(Duration.ofSeconds(30)));
        Presence.awaitServerLists(rooms, app.contract().liveRoom(), provider);
    }

    @Test
    @Checks("P-06")
    @DisplayName("P-06 Camera and microphone work")
    void cameraAndMicrophoneWork(Participant provider, Participant client, Rooms rooms, AppUnderTest app) {
        Consultation.joinBoth(provider, client);

        MediaFlow.awaitServerListsTracks(rooms, app.contract().liveRoom(), provider, CAMERA, MICROPHONE);
        MediaFlow.awaitMediaFrom(provider, client);
    }

    @Test
    @Checks("P-07")
    @DisplayName("P-07 Recording controls are visible")
    void seesRecordingControls(Participant provider, AppUnderTest app) {
        provider.logInAndJoin();
        Presence.awaitInRoom(provider, app.connectTimeout());

        waitUntil("the provider's page shows recording controls").until(() -> provider.session().showsRecordingControls());
    }

    @Test
    @Checks("P-08")
    @DisplayName("P-08 Can start/stop recording")
    void startsAndStopsRecording(Participant provider, Participant client, Rooms rooms, AppUnderTest app) {
        Consultation.joinBoth(provider, client);

        Recording recording = Recording.startOn(provider, app);
        Recording.awaitRecording(true, rooms, app, provider, client);
        MediaFlow.awaitStillFlowing(client, Duration.ofSeconds(3));
        recording.stop();
        Recording.awaitRecording(false, rooms, app, provider, client);
        recording.awaitArtifact();
    }

    @Test
    @Checks("P-09")
    @DisplayName("P-09 Screen sharing works")
    void sharesScreen(Participant provider, Participant client, Rooms rooms, AppUnderTest app) {
        Consultation.joinBoth(provider, client);

        ScreenShare.start(provider);
        ScreenShare.awaitShared(provider, client, rooms, app);
        ScreenShare.stop(provider);
        ScreenShare.awaitGone(provider, client, rooms, app);
    }

    @Test
    @Checks("P-10")
    @DisplayName("P-10 Can see client when they join")
    void seesClientWhenTheyJoin(Participant provider, Participant client, AppUnderTest app) {
        provider.logInAndJoin();
        Presence.awaitInRoom(provider, app.connectTimeout());
        waitUntil("the provider waits for the client").until(() -> provider.session().statusText().equals("Waiting for client…"));

        client.logInAndJoin();

        Presence.awaitPageShows(provider, client);
        MediaFlow.awaitVideoFrom(client, provider);
    }
}
