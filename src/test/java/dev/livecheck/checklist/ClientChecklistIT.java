package dev.livecheck.checklist;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.Consultation;
import dev.livecheck.check.Grants;
import dev.livecheck.check.Joining;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.Quality;
import dev.livecheck.check.ScreenShare;
import dev.livecheck.check.ServerView;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.TimingSensitive;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.Measured;
import dev.livecheck.junit.Needs;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.livekit.TokenClaims;
import livekit.LivekitModels;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.livecheck.check.Waits.waitUntil;
import static dev.livecheck.profile.Feature.BOOKINGS;
import static dev.livecheck.profile.Feature.LOGIN;
import static dev.livecheck.profile.Feature.RECORDING;
import static dev.livecheck.profile.Feature.SCREEN_SHARE;
import static livekit.LivekitModels.TrackSource.CAMERA;
import static livekit.LivekitModels.TrackSource.MICROPHONE;
import static org.assertj.core.api.Assertions.assertThat;

@LiveCheck
@Tag("client")
@DisplayName("Client checklist")
class ClientChecklistIT {
    /** How long C-10 watches each direction: long enough for a freeze or a drift to show. */
    private static final Duration REAL_TIME_WINDOW = Duration.ofSeconds(20);

    @Test
    @Checks("C-01")
    @Needs(LOGIN)
    @DisplayName("C-01 Login successfully")
    void logsIn(Participant client) {
        client.logIn();

        assertThat(client.nav().currentUser()).as("signed-in user shown").isNotBlank();
        assertThat(client.loginPage().isShown()).as("login form gone").isFalse();
    }

    @Test
    @Checks("C-02")
    @Needs({LOGIN, BOOKINGS})
    @DisplayName("C-02 Navigate to My Bookings")
    void navigatesToMyBookings(Participant client, AppUnderTest app) {
        client.logIn();
        client.openBookings();

        assertThat(client.bookings().title()).isEqualTo(app.profile().text("bookings.title.client").orElseThrow());
    }

    @Test
    @Checks("C-03")
    @Needs(BOOKINGS)
    @DisplayName("C-03 Find same LIVE booking")
    void findsTheSameLiveBooking(Participant client, Participant provider, AppUnderTest app) {
        String live = app.profile().liveSession();
        provider.logIn();
        provider.openBookings();
        client.logIn();
        client.openBookings();

        assertThat(client.bookings().lists(live)).as("booking %s on the client's list", live).isTrue();
        assertThat(provider.bookings().lists(live)).as("booking %s on the provider's list", live).isTrue();
        app.profile().text("bookings.liveStatus").ifPresent(status -> assertThat(client.bookings().status(live)).isEqualTo(status));
        app.profile().text("bookings.joinLabel").ifPresent(label -> assertThat(client.bookings().joinLabel(live)).isEqualTo(label));
        assertThat(client.bookings().offersJoin(live)).as("join offered for booking %s", live).isTrue();
    }

    @Test
    @Checks("C-04")
    @DisplayName("C-04 Click \"Join Live Session\"")
    void clicksJoinLiveSession(Participant client, AppUnderTest app, Rooms rooms) {
        client.logInAndJoin();

        Joining.awaitJoined(client, app, rooms);
    }

    @Test
    @Checks("C-05")
    @DisplayName("C-05 Connection establishes within 30 seconds")
    void connectsWithin30Seconds(Participant client, Rooms rooms) {
        client.logInAndJoin();

        Joining.awaitConnectedWithin(client, Duration.ofSeconds(30), rooms);
    }

    @Test
    @Checks("C-06")
    @DisplayName("C-06 Camera and microphone work")
    void cameraAndMicrophoneWork(Participant client, Participant provider, Rooms rooms) {
        Consultation.joinBoth(provider, client);

        MediaFlow.awaitServerListsTracks(rooms, client, CAMERA, MICROPHONE);
        MediaFlow.awaitMediaFrom(client, provider);
    }

    @Test
    @Checks("C-07")
    @Needs(RECORDING)
    @DisplayName("C-07 No recording controls visible")
    void seesNoRecordingControls(Participant client, Participant provider, Rooms rooms, LiveKitServer livekit, AppUnderTest app) {
        Consultation.joinBoth(provider, client);

        assertThat(client.session().showsRecordingControls()).as("recording controls on the client's page").isFalse();
        TokenClaims token = Grants.tokenOf(client);
        assertThat(token.grants("roomRecord")).as("the client's token grants recording (%s)", token.grants()).isFalse();
        assertThat(token.grants("roomAdmin")).as("the client's token grants room admin (%s)", token.grants()).isFalse();
        String room = ServerView.find(rooms, client).orElseThrow().room();
        Grants.assertCannotRecord(client, livekit, room);
        app.profile().api("recordingStart").ifPresent(route -> {
            Participant.BrowserResponse attempt = client.request(route.method(), route.pathFor(app.profile().liveSession()));
            assertThat(attempt.status()).as("the app's answer to a recording start with the client's session").isIn(401, 403);
        });
        assertThat(rooms.room(room).map(LivekitModels.Room::getActiveRecording)).as("room %s recording", room).contains(false);
    }

    @Test
    @Checks("C-08")
    @Needs(SCREEN_SHARE)
    @DisplayName("C-08 Screen sharing works")
    void sharesScreen(Participant client, Participant provider, Rooms rooms) {
        Consultation.joinBoth(provider, client);

        ScreenShare.start(client);
        ScreenShare.awaitShared(client, provider, rooms);
        ScreenShare.stop(client);
        ScreenShare.awaitGone(client, provider, rooms);
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
    @TimingSensitive
    @DisplayName("C-10 Real-time communication works")
    void communicatesInRealTime(@Measured Participant client, @Measured Participant provider, AppUnderTest app) {
        Consultation.joinBoth(provider, client);
        MediaFlow.awaitMediaBothWays(provider, client);

        List<Quality.Measurement> both = Quality.measureBothWays(provider, client, REAL_TIME_WINDOW, "clean network");
        both.forEach(direction -> Quality.assertWithin(direction, app.profile().quality()));
        waitUntil("both pages still connected").until(() -> client.session().isConnected() && provider.session().isConnected());
    }
}
