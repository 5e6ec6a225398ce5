package dev.livecheck.checklist;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.Consultation;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.Presence;
import dev.livecheck.check.ScreenShare;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.livekit.Rooms;
import livekit.LivekitModels;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.livecheck.check.Waits.waitUntil;
import static livekit.LivekitModels.TrackSource.CAMERA;
import static livekit.LivekitModels.TrackSource.MICROPHONE;
import static org.assertj.core.api.Assertions.assertThat;

@LiveCheck
@Tag("client")
@DisplayName("Client checklist")
class ClientChecklistIT {

    @Test
    @Checks("C-01")
    @DisplayName("C-01 Login successfully")
    void logsIn(Participant client) {
        client.logIn();

        assertThat(client.nav().currentUser()).as("signed-in user shown").isNotBlank();
        assertThat(client.loginPage().isShown()).as("login form gone").isFalse();
    }

    @Test
    @Checks("C-02")
    @DisplayName("C-02 Navigate to My Bookings")
    void navigatesToMyBookings(Participant client) {
        client.logIn();
        client.openBookings();

        assertThat(client.bookings().title()).isEqualTo("My Bookings");
    }

    @Test
    @Checks("C-03")
    @DisplayName("C-03 Find same LIVE booking")
    void findsTheSameLiveBooking(Participant client, Participant provider, AppUnderTest app) {
        String live = app.contract().liveBookingId();
        provider.logIn();
        provider.openBookings();
        client.logIn();
        client.openBookings();

        assertThat(client.bookings().lists(live)).as("booking %s on the client's list", live).isTrue();
        assertThat(provider.bookings().lists(live)).as("booking %s on the provider's list", live).isTrue();
        assertThat(client.bookings().status(live)).isEqualTo("LIVE");
        assertThat(client.bookings().joinLabel(live)).isEqualTo("Join Live Session");
    }

    @Test
    @Checks("C-04")
    @DisplayName("C-04 Click \"Join Live Session\"")
    void clicksJoinLiveSession(Participant client, AppUnderTest app, Rooms rooms) {
        client.logInAndJoin();

        Presence.awaitInRoom(client, app.connectTimeout());
        assertThat(client.currentPath()).isEqualTo("/session/" + app.contract().liveBookingId());
        assertThat(client.console().contains("Starting join process for booking: " + app.contract().liveBookingId())).isTrue();
        Presence.awaitServerLists(rooms, app.contract().liveRoom(), client);
    }

    @Test
    @Checks("C-05")
    @DisplayName("C-05 Connection establishes within 30 seconds")
    void connectsWithin30Seconds(Participant client, AppUnderTest app, Rooms rooms) {
        client.logInAndJoin();

        Duration took = Presence.awaitInRoom(client, Duration.ofSeconds(30));
        assertThat(took).isLessThanOrEqualTo(Duration.ofSeconds(30));
        client.session().configuredConnectTimeout().ifPresent(timeout ->
                assertThat(timeout).as("the connection timeout the session page runs with").isEqualTo(Duration.ofSeconds(30)));
        Presence.awaitServerLists(rooms, app.contract().liveRoom(), client);
    }

    @Test
    @Checks("C-06")
    @DisplayName("C-06 Camera and microphone work")
    void cameraAndMicrophoneWork(Participant client, Participant provider, Rooms rooms, AppUnderTest app) {
        Consultation.joinBoth(provider, client);

        MediaFlow.awaitServerListsTracks(rooms, app.contract().liveRoom(), client, CAMERA, MICROPHONE);
        MediaFlow.awaitMediaFrom(client, provider);
    }

    @Test
    @Checks("C-07")
    @DisplayName("C-07 No recording controls visible")
    void seesNoRecordingControls(Participant client, Participant provider, Rooms rooms, AppUnderTest app) {
        Consultation.joinBoth(provider, client);

        assertThat(client.session().showsRecordingControls()).as("recording controls on the client's page").isFalse();
        assertThat(client.session().hasRecordingControlsInPage()).as("a usable Start recording button on the client's page").isFalse();
        Participant.BrowserResponse attempt = client.request("POST", "/api/bookings/" + app.contract().liveBookingId() + "/recording/start");
        assertThat(attempt.status()).as("the app's answer to a recording request with the client's session").isEqualTo(403);
        assertThat(rooms.room(app.contract().liveRoom()).map(LivekitModels.Room::getActiveRecording)).contains(false);
    }

    @Test
    @Checks("C-08")
    @DisplayName("C-08 Screen sharing works")
    void sharesScreen(Participant client, Participant provider, Rooms rooms, AppUnderTest app) {
        Consultation.joinBoth(provider, client);

        ScreenShare.start(client);
        ScreenShare.awaitShared(client, provider, rooms, app);
        ScreenShare.stop(client);
        ScreenShare.awaitGone(client, provider, rooms, app);
    }

    @Test
    @Checks("C-09")
    @DisplayName("C-09 Can see provider video")
    void seesProviderVideo(Participant client, Participant provider) {
        Consultation.joinBoth(provider, client);

        MediaFlow.awaitVideoFrom(provider, client);
    }

    @Test
    @Checks("C-10")
    @DisplayName("C-10 Real-time communication works")
    void communicatesInRealTime(Participant client, Participant provider) {
        Consultation.joinBoth(provider, client);

        MediaFlow.awaitMediaFrom(provider, client);
        MediaFlow.awaitMediaFrom(client, provider);
        MediaFlow.awaitStillFlowing(client, Duration.ofSeconds(3));
        MediaFlow.awaitStillFlowing(provider, Duration.ofSeconds(3));
        waitUntil("both pages still connected").until(() -> client.session().isConnected() && provider.session().isConnected());
    }
}
