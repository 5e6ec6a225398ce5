package dev.livecheck.checklist;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.Joining;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.Presence;
import dev.livecheck.check.Recording;
import dev.livecheck.check.ScreenShare;
import dev.livecheck.check.SignedIn;
import dev.livecheck.junit.Call;
import dev.livecheck.junit.ChangesTheCall;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.Needs;
import dev.livecheck.junit.Scenario;
import dev.livecheck.livekit.Rooms;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;

import static dev.livecheck.junit.Call.Stage.BOOKINGS_OPEN;
import static dev.livecheck.junit.Call.Stage.EACH_SEES_THE_OTHER;
import static dev.livecheck.junit.Call.Stage.PROVIDER_IN_ROOM;
import static dev.livecheck.junit.Call.Stage.SIGNED_IN;

import static dev.livecheck.check.Waits.waitUntil;
import static dev.livecheck.profile.Feature.BOOKINGS;
import static dev.livecheck.profile.Feature.LOGIN;
import static dev.livecheck.profile.Feature.RECORDING;
import static dev.livecheck.profile.Feature.SCREEN_SHARE;
import static livekit.LivekitModels.TrackSource.CAMERA;
import static livekit.LivekitModels.TrackSource.MICROPHONE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider's checklist, line by line, on one call: signed in, the bookings, the LIVE booking, the join and its
 * time, the recording controls, the client arriving, camera and microphone both ways — then what changes the call and
 * puts it back (a screen shared, a recording made).
 */
@LiveCheck
@Scenario("the provider's side of one call")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("provider")
@DisplayName("Provider checklist")
class ProviderChecklistIT {

    @Test
    @Order(1)
    @Checks("P-01")
    @Needs(LOGIN)
    @DisplayName("P-01 Login successfully")
    void logsIn(Call call) {
        Participant provider = call.reach(SIGNED_IN).provider();

        SignedIn.assertShowsOwnAccount(provider, call.client());
        assertThat(provider.loginPage().isShown()).as("login form gone").isFalse();
    }

    @Test
    @Order(2)
    @Checks("P-02")
    @Needs({LOGIN, BOOKINGS})
    @DisplayName("P-02 Navigate to Provider Bookings")
    void navigatesToProviderBookings(Call call, AppUnderTest app) {
        Participant provider = call.reach(BOOKINGS_OPEN).provider();

        assertThat(provider.bookings().title()).isEqualTo(app.profile().text("bookings.title.provider").orElseThrow());
    }

    @Test
    @Order(3)
    @Checks("P-03")
    @Needs(BOOKINGS)
    @DisplayName("P-03 Find LIVE booking")
    void findsLiveBooking(Call call, AppUnderTest app) {
        Participant provider = call.reach(BOOKINGS_OPEN).provider();
        String live = app.profile().liveSession();

        assertThat(provider.bookings().lists(live)).as("booking %s listed", live).isTrue();
        app.profile().text("bookings.liveStatus").ifPresent(status -> assertThat(provider.bookings().status(live)).isEqualTo(status));
        app.profile().text("bookings.joinLabel").ifPresent(label -> assertThat(provider.bookings().joinLabel(live)).isEqualTo(label));
        assertThat(provider.bookings().offersJoin(live)).as("join offered for booking %s", live).isTrue();
    }

    @Test
    @Order(4)
    @Checks("P-04")
    @DisplayName("P-04 Click \"Join Live Session\"")
    void clicksJoinLiveSession(Call call, AppUnderTest app, Rooms rooms) {
        Participant provider = call.reach(PROVIDER_IN_ROOM).provider();

        Joining.assertJoined(provider, call.connectedAfter(provider), app, rooms);
    }

    @Test
    @Order(5)
    @Checks("P-05")
    @DisplayName("P-05 Connection establishes within 30 seconds")
    void connectsWithin30Seconds(Call call, Rooms rooms) {
        Participant provider = call.reach(PROVIDER_IN_ROOM).provider();

        Joining.assertConnectedWithin(provider, call.connectedAfter(provider), Duration.ofSeconds(30), rooms);
    }

    @Test
    @Order(6)
    @Checks("P-07")
    @Needs(RECORDING)
    @DisplayName("P-07 Recording controls are visible")
    void seesRecordingControls(Call call) {
        Participant provider = call.reach(PROVIDER_IN_ROOM).provider();

        waitUntil("the provider's page shows recording controls").until(() -> provider.session().showsRecordingControls());
    }

    @Test
    @Order(7)
    @Checks("P-10")
    @DisplayName("P-10 Can see client when they join")
    void seesClientWhenTheyJoin(Call call) {
        // the call's steps: the provider in the room waiting for the client (in the app's words), then the client joins
        call.reach(EACH_SEES_THE_OTHER);

        Presence.awaitPageShows(call.provider(), call.client());
        MediaFlow.awaitVideoFrom(call.client(), call.provider());
    }

    @Test
    @Order(8)
    @Checks("P-06")
    @DisplayName("P-06 Camera and microphone work")
    void cameraAndMicrophoneWork(Call call, Rooms rooms) {
        call.reach(EACH_SEES_THE_OTHER);

        MediaFlow.awaitServerListsTracks(rooms, call.provider(), CAMERA, MICROPHONE);
        MediaFlow.awaitMediaFrom(call.provider(), call.client());
    }

    @Test
    @Order(9)
    @Checks("P-09")
    @Needs(SCREEN_SHARE)
    @ChangesTheCall
    @DisplayName("P-09 Screen sharing works")
    void sharesScreen(Call call, Rooms rooms) {
        Participant provider = call.reach(EACH_SEES_THE_OTHER).provider();

        ScreenShare.start(provider);
        ScreenShare.awaitShared(provider, call.client(), rooms);
        ScreenShare.stop(provider);
        ScreenShare.awaitGone(provider, call.client(), rooms);
        ScreenShare.awaitDevicesBack(provider, call.client());
    }

    @Test
    @Order(10)
    @Checks("P-08")
    @Needs(RECORDING)
    @ChangesTheCall
    @DisplayName("P-08 Can start/stop recording")
    void startsAndStopsRecording(Call call, Rooms rooms) {
        Participant provider = call.reach(EACH_SEES_THE_OTHER).provider();
        Participant client = call.client();

        Recording recording = Recording.startOn(provider);
        recording.awaitStarted(rooms, provider, client);
        Recording.assertRecordingThroughout(Duration.ofSeconds(5), rooms, provider, provider, client);
        MediaFlow.awaitStillFlowing(client, Duration.ofSeconds(2));
        recording.stop();
        Recording.awaitRecording(false, rooms, provider, provider, client);
        recording.awaitRecordedSession(rooms, provider, client);
    }
}
