package dev.livecheck.checklist;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.ConnectionTimeout;
import dev.livecheck.check.Consultation;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.Presence;
import dev.livecheck.check.ServerView;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.DeniedMedia;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.Needs;
import dev.livecheck.junit.SignallingFaults;
import dev.livecheck.junit.WithReferenceApp;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.Rooms;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.livecheck.check.Waits.waitUntil;
import static dev.livecheck.profile.Feature.BOOKINGS;
import static dev.livecheck.profile.Feature.LOGIN;
import static org.assertj.core.api.Assertions.assertThat;

@LiveCheck
@Tag("errors")
@DisplayName("Error paths")
class ErrorPathsIT {
    /** How long LiveKit's client may take to notice a dead server (its signal ping timeout is 15 s). */
    private static final Duration OUTAGE_NOTICED = Duration.ofSeconds(40);

    @Test
    @Checks("E-01")
    @WithReferenceApp(connectTimeoutMs = 5000, orExternalApp = true)
    @DisplayName("E-01 Connection timeout shows error message (LiveKit does not answer)")
    void connectionTimeoutWhenLiveKitDoesNotAnswer(Participant client, SignallingFaults signalling, AppUnderTest app) {
        client.logIn();
        openBookingsIfAny(client);
        signalling.blackHole();
        client.joinLiveBooking();

        ConnectionTimeout.awaitError(client, app.connectTimeout());
        signalling.restore();
        ConnectionTimeout.tryAgainJoins(client, app.connectTimeout());
    }

    @Test
    @Checks("E-01")
    @WithReferenceApp(connectTimeoutMs = 5000, orExternalApp = true)
    @DisplayName("E-01 Connection timeout shows error message (the app's own token request hangs)")
    void connectionTimeoutWhenTheTokenRequestHangs(Participant client, AppUnderTest app) {
        client.logIn();
        openBookingsIfAny(client);
        String backend = app.profile().api("token").map(t -> app.baseUrl() + t.pathFor(app.profile().liveSession()) + "*")
                .orElse(app.baseUrl() + "/*");
        Allure.step("the app's requests to " + backend + " hang (fetch, XHR)", () -> client.traffic().stall(backend));
        client.joinLiveBooking();

        ConnectionTimeout.awaitError(client, app.connectTimeout());
        assertThat(client.traffic().stalledRequests()).as("requests that hung").isPositive();
        client.traffic().release();
        ConnectionTimeout.tryAgainJoins(client, app.connectTimeout());
    }

    private static void openBookingsIfAny(Participant p) {
        if (p.profile().flow().join() == dev.livecheck.profile.AppProfile.JoinVia.BOOKINGS) {
            p.openBookings();
        }
    }

    @Test
    @Checks("E-02")
    @Needs(LOGIN)
    @DisplayName("E-02 Unauthenticated user sees login prompt")
    void unauthenticatedUserSeesLoginPrompt(Participant client, AppUnderTest app, Rooms rooms) {
        String live = app.profile().liveSession();
        client.open(app.profile().sessionPath(live));

        waitUntil("the join page shows a login prompt").until(() -> client.loginPage().showsLoginPrompt());
        app.profile().text("login.prompt").ifPresent(words -> assertThat(client.loginPage().prompt()).containsIgnoringCase(words));
        app.profile().api("token").ifPresent(route -> {
            Participant.BrowserResponse token = client.request(route.method(), route.pathFor(live));
            assertThat(token.status()).as("token endpoint without a session").isEqualTo(401);
            // asserted without echoing the body: if a token were issued, the failure message must not carry it
            assertThat(token.body().contains("\"token\"")).as("the token endpoint issued a token without a login").isFalse();
        });
        assertThat(client.probe().tokens()).as("LiveKit tokens the logged-out page handed LiveKit").isEmpty();
        assertThat(ServerView.everyoneInSession(rooms, client)).as("participants in the live session's room").isEmpty();
    }

    @Test
    @Checks("E-03")
    @Needs(BOOKINGS)
    @DisplayName("E-03 Invalid booking shows appropriate error")
    void invalidBookingShowsClearError(Participant client, AppUnderTest app, Rooms rooms) {
        String invalid = app.profile().session("invalid").orElseThrow();
        client.logIn();
        client.open(app.profile().sessionPath(invalid));

        waitUntil("the page shows an error for booking " + invalid).until(() -> client.session().showsError());
        app.profile().text("session.notFound").ifPresent(words ->
                assertThat(client.session().errorTitle() + " " + client.session().errorMessage()).containsIgnoringCase(words));
        assertThat(client.session().offersGoBack()).as("\"Go Back\" offered").isTrue();
        assertThat(client.probe().tokens()).as("LiveKit tokens the page handed LiveKit for a booking that does not exist").isEmpty();
        assertThat(rooms.list()).as("rooms on the LiveKit server").isEmpty();
    }

    @Test
    @Checks("E-04")
    @DisplayName("E-04 Network issues handled gracefully")
    void networkIssuesHandledGracefully(Participant provider, Participant client, LiveKitServer livekit) {
        Consultation.joinBoth(provider, client);

        Allure.step("a short outage: LiveKit unreachable, then back", () -> {
            livekit.interruptNetwork();
            waitUntil("the client's page shows it is reconnecting", OUTAGE_NOTICED)
                    .until(() -> client.session().state() == dev.livecheck.profile.SessionState.RECONNECTING);
            livekit.restoreNetwork();
            Presence.awaitEachSeesTheOther(provider, client);
            MediaFlow.awaitVideoFrom(provider, client);
        });

        Allure.step("a long outage ends in an error with Try Again, not a frozen call", () -> {
            livekit.interruptNetwork();
            waitUntil("the client's page shows a connection error", OUTAGE_NOTICED.plusSeconds(30))
                    .until(() -> client.session().showsError());
            assertThat(client.session().offersTryAgain()).as("\"Try Again\" offered").isTrue();
            livekit.restoreNetwork();
            client.markJoinStarted();
            client.session().tryAgain();
            Presence.awaitInRoom(client, Duration.ofSeconds(30));
        });
    }

    @Test
    @Checks("E-05")
    @DisplayName("E-05 Browser permission denials handled")
    void permissionDenialsHandled(@DeniedMedia Participant client, Participant provider, Rooms rooms) {
        assertThat(client.deniesMedia()).as("the client's browser refuses camera and microphone (NotAllowedError)").isTrue();
        provider.logInAndJoin();
        client.logInAndJoin();

        waitUntil("the client's page explains camera/microphone access is blocked")
                .until(() -> client.session().showsPermissionWarning());
        Presence.awaitPageShows(client, provider);
        MediaFlow.awaitMediaFrom(provider, client);
        Presence.awaitServerLists(rooms, client, provider);
        assertThat(ServerView.find(rooms, client).orElseThrow().info().getTracksList()).as("tracks the client publishes").isEmpty();
    }
}
