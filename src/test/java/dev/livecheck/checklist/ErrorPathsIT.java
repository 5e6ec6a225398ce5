package dev.livecheck.checklist;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.Consultation;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.Presence;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.DeniedMedia;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.SignallingFaults;
import dev.livecheck.junit.WithReferenceApp;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.Rooms;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.livecheck.check.Waits.waitUntil;
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
    @DisplayName("E-01 Connection timeout shows error message")
    void connectionTimeoutShowsErrorWithTryAgainAndGoBack(Participant client, SignallingFaults signalling, AppUnderTest app) {
        Duration timeout = app.connectTimeout();
        client.logIn();
        client.openBookings();
        signalling.blackHole();
        client.joinLiveBooking();
        Instant clicked = client.joinClickedAt().orElseThrow();

        waitUntil("the client's page leaves \"Connecting…\" for an error within the " + timeout.toMillis() + " ms timeout + 2 s",
                timeout.plusSeconds(2).minus(Duration.between(clicked, Instant.now())))
                .until(() -> client.session().showsError());
        Duration took = Duration.between(clicked, Instant.now());
        Allure.addAttachment("time to error", "text/plain", took.toMillis() + " ms from click (configured timeout " + timeout.toMillis() + " ms)");
        assertThat(took).as("time from click to the error").isBetween(timeout, timeout.plusSeconds(2));
        assertThat(client.session().state()).isEqualTo("error");
        assertThat(client.session().errorMessage()).as("error message").isNotBlank();
        assertThat(client.session().offersTryAgain()).as("\"Try Again\" offered").isTrue();
        assertThat(client.session().offersGoBack()).as("\"Go Back\" offered").isTrue();

        signalling.restore();
        client.markJoinStarted();
        client.session().tryAgain();
        Presence.awaitInRoom(client, timeout);
    }

    @Test
    @Checks("E-02")
    @DisplayName("E-02 Unauthenticated user sees login prompt")
    void unauthenticatedUserSeesLoginPrompt(Participant client, AppUnderTest app, Rooms rooms) {
        client.open("/session/" + app.contract().liveBookingId());

        waitUntil("the join page shows a login prompt").until(() -> client.loginPage().showsLoginPrompt());
        assertThat(client.loginPage().prompt()).containsIgnoringCase("log in");
        Participant.BrowserResponse token = client.request("POST", "/api/bookings/" + app.contract().liveBookingId() + "/token");
        assertThat(token.status()).as("token endpoint without a session").isEqualTo(401);
        // asserted without echoing the body: if a token were issued, the failure message must not carry it
        assertThat(token.body().contains("\"token\"")).as("the token endpoint issued a token without a login").isFalse();
        assertThat(rooms.participants(app.contract().liveRoom())).as("participants in the LIVE room").isEmpty();
    }

    @Test
    @Checks("E-03")
    @DisplayName("E-03 Invalid booking shows appropriate error")
    void invalidBookingShowsClearError(Participant client, AppUnderTest app, Rooms rooms) {
        String invalid = app.contract().invalidBookingId();
        client.logIn();
        client.open("/session/" + invalid);

        waitUntil("the page shows an error for booking " + invalid).until(() -> client.session().showsError());
        assertThat(client.session().errorTitle() + " " + client.session().errorMessage()).containsIgnoringCase("not found");
        assertThat(client.session().offersGoBack()).as("\"Go Back\" offered").isTrue();
        assertThat(client.console().contains("Attempting to connect to LiveKit room")).as("a LiveKit connection attempted").isFalse();
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
                    .until(() -> client.session().state().equals("reconnecting"));
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
    void permissionDenialsHandled(@DeniedMedia Participant client, Participant provider, Rooms rooms, AppUnderTest app) {
        provider.logInAndJoin();
        client.logInAndJoin();

        waitUntil("the client's page explains camera/microphone access is blocked")
                .until(() -> client.session().showsPermissionWarning());
        assertThat(client.console().contains("NotAllowedError")).as("getUserMedia denied with NotAllowedError").isTrue();
        Presence.awaitPageShows(client, provider);
        MediaFlow.awaitMediaFrom(provider, client);
        Presence.awaitServerLists(rooms, app.contract().liveRoom(), client, provider);
        assertThat(rooms.participant(app.contract().liveRoom(), client.identity()).orElseThrow().getTracksList())
                .as("tracks the client publishes").isEmpty();
    }
}
