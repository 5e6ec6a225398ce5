package dev.livecheck.checklist;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.Consultation;
import dev.livecheck.check.ErrorWording;
import dev.livecheck.check.Grants;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.Presence;
import dev.livecheck.check.ServerView;
import dev.livecheck.check.Waits;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.TimingSensitive;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.livekit.Jwt;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.livekit.TokenClaims;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static dev.livecheck.check.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

@LiveCheck
@Tag("session")
@DisplayName("Session")
class SessionIT {
    /** LiveKit accepts a token up to a minute past its expiry (measured): an expired token must be older than that. */
    private static final Duration EXPIRED_FOR = Duration.ofMinutes(2);
    private static final Duration SHORT_LIFETIME = Duration.ofSeconds(12);

    @Test
    @Checks("S-01")
    @DisplayName("S-01 Users can leave and rejoin sessions (the client, through the page)")
    void theClientLeavesAndRejoins(Participant provider, Participant client, Rooms rooms) {
        Consultation.joinBoth(provider, client);

        Allure.step("the client leaves", () -> {
            client.session().leave();
            waitUntil("the client's page says it left").until(() -> client.session().hasLeft());
            Presence.awaitLeaveSeen(provider, client, rooms);
        });
        Allure.step("the client rejoins", () -> {
            client.rejoin();
            Presence.awaitReturnSeen(provider, client, rooms);
        });
    }

    @Test
    @Checks("S-01")
    @DisplayName("S-01 Users can leave and rejoin sessions (the provider, through the bookings)")
    void theProviderLeavesAndRejoinsThroughTheBookings(Participant provider, Participant client, Rooms rooms) {
        Consultation.joinBoth(provider, client);

        Allure.step("the provider leaves", () -> {
            provider.session().leave();
            waitUntil("the provider's page says it left").until(() -> provider.session().hasLeft());
            Presence.awaitLeaveSeen(client, provider, rooms);
        });
        Allure.step("the provider comes back through the bookings", () -> {
            provider.rejoinThroughBookings();
            Presence.awaitReturnSeen(client, provider, rooms);
        });
    }

    @Test
    @Checks("S-01")
    @DisplayName("S-01 Users can leave and rejoin sessions (the client reloads the page)")
    void theClientReloadsThePage(Participant provider, Participant client, Rooms rooms) {
        Consultation.joinBoth(provider, client);

        client.reload();

        Presence.awaitReturnSeen(provider, client, rooms);
    }

    @Test
    @Checks("S-02")
    @TimingSensitive
    @DisplayName("S-02 Token expiry is handled (expired token → clear message; rejoining gets a fresh token)")
    void anExpiredTokenGivesAClearMessageAndRejoiningGetsAFreshOne(Participant provider, Participant client, LiveKitServer livekit, Rooms rooms,
                                                                   AppUnderTest app) {
        provider.logInAndJoin();
        Presence.awaitInRoom(provider, app.connectTimeout());
        Allure.step("the app hands the client a token that expired two minutes ago (past LiveKit's one-minute leeway)", () ->
                client.traffic().replaceLiveKitTokens(token -> Jwt.resign(token, livekit.credentials(),
                        Instant.now().minus(Duration.ofHours(1)), Instant.now().minus(EXPIRED_FOR))));
        client.logInAndJoin();

        waitUntil("the client's page says it could not join").until(() -> client.session().showsError() || client.traffic().tokensOutOfReach());
        client.traffic().assumeTokensInReach();
        assertThat(client.traffic().tokensReplaced()).as("tokens replaced by an expired one").isPositive();
        ErrorWording.assertActionable(client.name(), client.session().errorTitle() + " " + client.session().errorMessage(),
                client.session().offersTryAgain() ? Set.of(ErrorWording.Action.TRY_AGAIN) : Set.of(), app.profile(),
                Set.of(ErrorWording.Problem.EXPIRED), // "Couldn't join" does not tell a person their link or session ran out
                Set.of(ErrorWording.Action.TRY_AGAIN, ErrorWording.Action.REJOIN));
        assertThat(ServerView.find(rooms, client)).as("the client on LiveKit with an expired token").isEmpty();

        Allure.step("the app hands out tokens as it would; the client joins again", () -> {
            client.traffic().release();
            int handed = client.probe().tokens().size();
            if (client.session().offersTryAgain()) {
                client.markJoinStarted();
                client.session().tryAgain();
            } else {
                client.rejoin();
            }
            Presence.awaitInRoom(client, app.connectTimeout());
            TokenClaims fresh = Grants.tokenOf(client);
            assertThat(client.probe().tokens()).as("tokens the page handed LiveKit").hasSizeGreaterThan(handed);
            assertThat(Instant.ofEpochSecond(fresh.expiresAt())).as("the rejoin's token expiry").isAfter(Instant.now());
            Presence.awaitReturnSeen(provider, client, rooms);
        });
    }

    @Test
    @Checks("S-02")
    @TimingSensitive
    @DisplayName("S-02 Token expiry is handled (a token expiring during the call does not end it)")
    void aTokenExpiringDuringTheCallDoesNotEndIt(Participant client, Participant provider, LiveKitServer livekit, Rooms rooms) {
        Instant expires = Instant.now().plus(SHORT_LIFETIME);
        client.traffic().replaceLiveKitTokens(token -> Jwt.resign(token, livekit.credentials(), Instant.now().minusSeconds(5), expires));
        Consultation.joinBoth(provider, client);
        client.traffic().release();
        client.traffic().assumeTokensInReach();
        assertThat(client.traffic().tokensReplaced()).as("tokens replaced by one expiring in %s", SHORT_LIFETIME).isPositive();

        // all along, from the join to past the token's expiry: an app that drops the call for a moment and rejoins is seen
        Waits.throughout("the client stays in the call (no error on its page, listed by LiveKit) until 5 s past its token's expiry",
                Duration.between(Instant.now(), expires.plusSeconds(5)), () -> {
                    assertThat(client.session().showsError()).as("the client's page shows an error (%s)", client.session().errorMessage()).isFalse();
                    assertThat(ServerView.find(rooms, client)).as("the client in the room on LiveKit").isPresent();
                });
        Presence.awaitEachSeesTheOther(provider, client);
        MediaFlow.awaitVideoFrom(provider, client);
        MediaFlow.awaitVideoFrom(client, provider);
    }
}
