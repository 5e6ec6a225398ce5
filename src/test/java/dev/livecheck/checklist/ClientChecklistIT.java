package dev.livecheck.checklist;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.Grants;
import dev.livecheck.check.Joining;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.ScreenShare;
import dev.livecheck.check.SignedIn;
import dev.livecheck.check.ServerView;
import dev.livecheck.check.Waits;
import dev.livecheck.junit.Call;
import dev.livecheck.junit.ChangesTheCall;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.Needs;
import dev.livecheck.junit.Scenario;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.livekit.TokenClaims;
import livekit.LivekitModels;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;

import static dev.livecheck.junit.Call.Stage.BOOKINGS_OPEN;
import static dev.livecheck.junit.Call.Stage.CLIENT_IN_ROOM;
import static dev.livecheck.junit.Call.Stage.EACH_SEES_THE_OTHER;
import static dev.livecheck.junit.Call.Stage.SIGNED_IN;

import static dev.livecheck.profile.Feature.BOOKINGS;
import static dev.livecheck.profile.Feature.LOGIN;
import static dev.livecheck.profile.Feature.RECORDING;
import static dev.livecheck.profile.Feature.SCREEN_SHARE;
import static livekit.LivekitModels.TrackSource.CAMERA;
import static livekit.LivekitModels.TrackSource.MICROPHONE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's checklist, line by line, on one call: signed in, their bookings, the same LIVE booking, the join and
 * its time, the provider's video, camera and microphone both ways, no recording controls (and no recording for them,
 * whatever they try) — then a screen shared and stopped. C-10, measured on media of its own, is RealTimeIT.
 */
@LiveCheck
@Scenario("the client's side of one call")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("client")
@DisplayName("Client checklist")
class ClientChecklistIT {
    /** How long a "never" of this call is watched: longer than any re-render of a page that has joined. */
    private static final Duration NEVER_WINDOW = Duration.ofSeconds(5);


    @Test
    @Order(1)
    @Checks("C-01")
    @Needs(LOGIN)
    @DisplayName("C-01 Login successfully")
    void logsIn(Call call) {
        Participant client = call.reach(SIGNED_IN).client();

        SignedIn.assertShowsOwnAccount(client, call.provider());
        assertThat(client.loginPage().isShown()).as("login form gone").isFalse();
    }

    @Test
    @Order(2)
    @Checks("C-02")
    @Needs({LOGIN, BOOKINGS})
    @DisplayName("C-02 Navigate to My Bookings")
    void navigatesToMyBookings(Call call, AppUnderTest app) {
        Participant client = call.reach(BOOKINGS_OPEN).client();

        assertThat(client.bookings().title()).isEqualTo(app.profile().text("bookings.title.client").orElseThrow());
    }

    @Test
    @Order(3)
    @Checks("C-03")
    @Needs(BOOKINGS)
    @DisplayName("C-03 Find same LIVE booking")
    void findsTheSameLiveBooking(Call call, AppUnderTest app) {
        String live = app.profile().liveSession();
        Participant client = call.reach(BOOKINGS_OPEN).client();
        Participant provider = call.provider();

        assertThat(client.bookings().lists(live)).as("booking %s on the client's list", live).isTrue();
        assertThat(provider.bookings().lists(live)).as("booking %s on the provider's list", live).isTrue();
        app.profile().text("bookings.liveStatus").ifPresent(status -> assertThat(client.bookings().status(live)).isEqualTo(status));
        app.profile().text("bookings.joinLabel").ifPresent(label -> assertThat(client.bookings().joinLabel(live)).isEqualTo(label));
        assertThat(client.bookings().offersJoin(live)).as("join offered for booking %s", live).isTrue();
    }

    @Test
    @Order(4)
    @Checks("C-04")
    @DisplayName("C-04 Click \"Join Live Session\"")
    void clicksJoinLiveSession(Call call, AppUnderTest app, Rooms rooms) {
        Participant client = call.reach(CLIENT_IN_ROOM).client();

        Joining.assertJoined(client, call.connectedAfter(client), app, rooms);
    }

    @Test
    @Order(5)
    @Checks("C-05")
    @DisplayName("C-05 Connection establishes within 30 seconds")
    void connectsWithin30Seconds(Call call, Rooms rooms) {
        Participant client = call.reach(CLIENT_IN_ROOM).client();

        Joining.assertConnectedWithin(client, call.connectedAfter(client), Duration.ofSeconds(30), rooms);
    }

    @Test
    @Order(6)
    @Checks("C-09")
    @DisplayName("C-09 Can see provider video")
    void seesProviderVideo(Call call) {
        call.reach(EACH_SEES_THE_OTHER);

        MediaFlow.awaitVideoFrom(call.provider(), call.client());
    }

    @Test
    @Order(7)
    @Checks("C-06")
    @DisplayName("C-06 Camera and microphone work")
    void cameraAndMicrophoneWork(Call call, Rooms rooms) {
        call.reach(EACH_SEES_THE_OTHER);

        MediaFlow.awaitServerListsTracks(rooms, call.client(), CAMERA, MICROPHONE);
        MediaFlow.awaitMediaFrom(call.client(), call.provider());
    }

    @Test
    @Order(8)
    @Checks("C-07")
    @Needs(RECORDING)
    @ChangesTheCall
    @DisplayName("C-07 No recording controls visible")
    void seesNoRecordingControls(Call call, Rooms rooms, LiveKitServer livekit, AppUnderTest app) {
        Participant client = call.reach(EACH_SEES_THE_OTHER).client();

        // watched, not glanced at: controls that show up once the page re-renders (metadata, a late role) are seen too
        Waits.throughout("the client's page shows no recording controls", NEVER_WINDOW, () ->
                assertThat(client.session().showsRecordingControls()).as("recording controls on the client's page").isFalse());
        TokenClaims token = Grants.tokenOf(client);
        assertThat(token.grants("roomRecord")).as("the client's token grants recording (%s)", token.grants()).isFalse();
        assertThat(token.grants("roomAdmin")).as("the client's token grants room admin (%s)", token.grants()).isFalse();
        String room = ServerView.find(rooms, client).orElseThrow().room();
        Grants.assertCannotRecord(client, livekit, room);
        for (String action : List.of("recordingStart", "recordingStop")) {
            app.profile().api(action).ifPresent(route -> {
                Participant.BrowserResponse attempt = client.request(route.method(), route.pathFor(app.profile().liveSession()));
                assertThat(attempt.status()).as("the app's answer to %s with the client's session", route).isIn(401, 403);
            });
        }
        assertThat(rooms.room(room).map(LivekitModels.Room::getActiveRecording)).as("room %s recording", room).contains(false);
    }

    @Test
    @Order(9)
    @Checks("C-08")
    @Needs(SCREEN_SHARE)
    @ChangesTheCall
    @DisplayName("C-08 Screen sharing works")
    void sharesScreen(Call call, Rooms rooms) {
        Participant client = call.reach(EACH_SEES_THE_OTHER).client();

        ScreenShare.start(client);
        ScreenShare.awaitShared(client, call.provider(), rooms);
        ScreenShare.stop(client);
        ScreenShare.awaitGone(client, call.provider(), rooms);
        ScreenShare.awaitDevicesBack(client, call.provider());
    }
}
