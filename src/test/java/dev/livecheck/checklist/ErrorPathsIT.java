package dev.livecheck.checklist;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.BrowserOptions.Denied;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.ConnectionTimeout;
import dev.livecheck.check.Consultation;
import dev.livecheck.check.ErrorWording;
import dev.livecheck.check.Permissions;
import dev.livecheck.check.NetworkLoss;
import dev.livecheck.check.Presence;
import dev.livecheck.check.Waits;
import dev.livecheck.check.ServerView;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.TimingSensitive;
import dev.livecheck.junit.DeniedMedia;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.Needs;
import dev.livecheck.junit.NetworkFaults;
import dev.livecheck.junit.WithReferenceApp;
import dev.livecheck.net.ProxyRoute;
import dev.livecheck.livekit.Rooms;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.livecheck.check.Waits.waitUntil;
import static dev.livecheck.profile.Feature.BOOKINGS;
import static dev.livecheck.profile.Feature.LOGIN;
import static org.assertj.core.api.Assertions.assertThat;

@LiveCheck
@Tag("errors")
@DisplayName("Error paths")
class ErrorPathsIT {
    private static final Map<String, String> DESCRIBED = Map.of("invalid", "does not exist", "notTheirs", "is someone else's",
            "notLive", "is not live yet");
    /**
     * What each error must say went wrong: its own situation, not any booking word ("Booking not found" for a booking
     * that has not started yet sends its reader away). Someone else's booking may be called not found: apps hide it so.
     */
    private static final Map<String, Set<ErrorWording.Problem>> SAYS = Map.of("invalid", Set.of(ErrorWording.Problem.NOT_FOUND),
            "notTheirs", Set.of(ErrorWording.Problem.NOT_YOURS, ErrorWording.Problem.NOT_FOUND), "notLive", Set.of(ErrorWording.Problem.NOT_LIVE));

    @Test
    @Checks("E-01")
    @TimingSensitive
    @WithReferenceApp(connectTimeoutMs = 5000, orExternalApp = true)
    @DisplayName("E-01 Connection timeout shows error message (LiveKit does not answer)")
    void connectionTimeoutWhenLiveKitDoesNotAnswer(Participant provider, @NetworkFaults Participant client, AppUnderTest app) {
        provider.logInAndJoin();
        Presence.awaitInRoom(provider, app.connectTimeout());
        client.logIn();
        openBookingsIfAny(client);
        ProxyRoute stalled = Allure.step("LiveKit's signalling hangs for the client (connections accepted, never answered)",
                () -> client.network().stallSignalling());
        client.joinLiveBooking();

        ConnectionTimeout.awaitError(client, app.connectTimeout());
        stalled.close();
        ConnectionTimeout.tryAgainBringsTheCallBack(client, provider, app.connectTimeout());
    }

    @Test
    @Checks("E-01")
    @TimingSensitive
    @WithReferenceApp(connectTimeoutMs = 5000, orExternalApp = true)
    @DisplayName("E-01 Connection timeout shows error message (the app's own token request hangs)")
    void connectionTimeoutWhenTheTokenRequestHangs(Participant provider, Participant client, AppUnderTest app) {
        provider.logInAndJoin();
        Presence.awaitInRoom(provider, app.connectTimeout());
        client.logIn();
        openBookingsIfAny(client);
        String backend = app.profile().api("token").map(t -> app.baseUrl() + t.pathFor(app.profile().liveSession()) + "*")
                .orElse(app.baseUrl() + "/*");
        Allure.step("the app's requests to " + backend + " hang (fetch, XHR)", () -> client.traffic().stall(backend));
        client.joinLiveBooking();

        ConnectionTimeout.awaitError(client, app.connectTimeout());
        assertThat(client.traffic().stalledRequests()).as("requests that hung").isPositive();
        client.traffic().release();
        ConnectionTimeout.tryAgainBringsTheCallBack(client, provider, app.connectTimeout());
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
    void invalidBookingsShowClearErrors(Participant client, AppUnderTest app, Rooms rooms) {
        client.logIn();
        for (String kind : List.of("invalid", "notTheirs", "notLive")) {
            Optional<String> booking = app.profile().session(kind);
            if (booking.isEmpty()) {
                Allure.step("the profile names no sessions." + kind + ": that variant is not tried");
                continue;
            }
            Allure.step("a booking that " + DESCRIBED.get(kind) + " (" + booking.get() + ")", () -> {
                client.open(app.profile().sessionPath(booking.get()));
                waitUntil("the page shows an error for booking " + booking.get()).until(() -> client.session().showsError());
                assertThat(client.session().offersGoBack()).as("\"Go Back\" offered").isTrue();
                ErrorWording.assertActionable(client.name(), client.session().errorTitle() + " " + client.session().errorMessage(),
                        Set.of(ErrorWording.Action.GO_BACK), app.profile(), SAYS.get(kind), Set.of(ErrorWording.Action.GO_BACK));
                app.profile().text("session.notFound").filter(words -> kind.equals("invalid")).ifPresent(words ->
                        assertThat(client.session().errorTitle() + " " + client.session().errorMessage()).containsIgnoringCase(words));
                assertThat(client.probe().tokens()).as("LiveKit tokens the page handed LiveKit for booking %s", booking.get()).isEmpty();
                assertThat(rooms.participantsIn(app.profile().conventions().roomFor(booking.get())::matches).values().stream().flatMap(List::stream).toList())
                        .as("who LiveKit lists in booking %s's room", booking.get()).isEmpty();
            });
        }
        Allure.step("Go Back leads to the bookings", () -> {
            client.session().goBack();
            waitUntil("the client's bookings list the live booking again").until(() -> client.bookings().lists(app.profile().liveSession()));
        });
    }

    @Test
    @Checks("E-04")
    @TimingSensitive
    @DisplayName("E-04 Network issues handled gracefully")
    void networkIssuesHandledGracefully(Participant provider, @NetworkFaults Participant client, AppUnderTest app) {
        Consultation.joinBoth(provider, client);

        Allure.step("the client's network goes for a moment: the page says it is reconnecting, then the call is back both ways",
                () -> NetworkLoss.aMomentaryLossRecovers(client, provider));

        Allure.step("the client's network stays away: a clear error with Try Again, and Try Again brings the call back", () -> {
            client.network().disconnect();
            Duration giveUp = app.profile().conventions().reconnectGiveUp();
            Waits.inherent("the client's page gives up reconnecting with an error (the app gives up after " + giveUp.toSeconds() + " s)",
                    giveUp.plus(NetworkLoss.RECONNECTING_NOTICED)).until(() -> client.session().showsError());
            assertThat(client.session().offersTryAgain()).as("\"Try Again\" offered").isTrue();
            ErrorWording.assertActionable(client.name(), client.session().errorTitle() + " " + client.session().errorMessage(),
                    Set.of(ErrorWording.Action.TRY_AGAIN), app.profile(), Set.of(ErrorWording.Problem.NETWORK, ErrorWording.Problem.CONNECTION),
                    Set.of(ErrorWording.Action.TRY_AGAIN, ErrorWording.Action.CHECK_NETWORK));
            client.network().restore();
            ConnectionTimeout.tryAgainBringsTheCallBack(client, provider, app.connectTimeout());
        });
    }

    @Test
    @Checks("E-05")
    @DisplayName("E-05 Browser permission denials handled (camera blocked)")
    void aBlockedCameraIsHandled(@DeniedMedia(Denied.CAMERA) Participant client, Participant provider, Rooms rooms) {
        Permissions.awaitDenialHandled(client, provider, rooms, Denied.CAMERA);
    }

    @Test
    @Checks("E-05")
    @DisplayName("E-05 Browser permission denials handled (microphone blocked)")
    void aBlockedMicrophoneIsHandled(@DeniedMedia(Denied.MICROPHONE) Participant client, Participant provider, Rooms rooms) {
        Permissions.awaitDenialHandled(client, provider, rooms, Denied.MICROPHONE);
    }

    @Test
    @Checks("E-05")
    @DisplayName("E-05 Browser permission denials handled (camera and microphone blocked)")
    void aBlockedCameraAndMicrophoneAreHandled(@DeniedMedia(Denied.BOTH) Participant client, Participant provider, Rooms rooms) {
        Permissions.awaitDenialHandled(client, provider, rooms, Denied.BOTH);
    }
}
