package dev.livecheck.checklist;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.Consultation;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.Presence;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.WithReferenceApp;
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
@Tag("session")
@DisplayName("Session")
class SessionIT {
    private static final long SHORT_TOKEN_TTL_SECONDS = 8;

    @Test
    @Checks("S-01")
    @DisplayName("S-01 Users can leave and rejoin sessions")
    void leaveAndRejoin(Participant provider, Participant client, Rooms rooms) {
        Consultation.joinBoth(provider, client);

        Allure.step("client leaves", () -> {
            client.session().leave();
            waitUntil("the client's page says it left").until(() -> client.session().hasLeft());
            Presence.awaitPageDropped(provider, client);
            Presence.awaitServerDropped(rooms, client);
            Presence.awaitWaitingFor(client, provider);
        });

        Allure.step("client rejoins", () -> {
            client.rejoin();
            Presence.awaitEachSeesTheOther(provider, client);
            Presence.awaitServerLists(rooms, provider, client);
            MediaFlow.awaitMediaFrom(provider, client);
            MediaFlow.awaitVideoFrom(client, provider);
        });
    }

    @Test
    @Checks("S-02")
    @WithReferenceApp(tokenTtlSeconds = SHORT_TOKEN_TTL_SECONDS)
    @DisplayName("S-02 Token expiry is handled (expired token → clear message; rejoining gets a fresh token)")
    void expiredTokenIsReplacedOnRejoin(Participant client, Rooms rooms, AppUnderTest app) {
        client.logInAndJoin();
        Presence.awaitInRoom(client, app.connectTimeout());
        Instant issued = Instant.now();
        assertThat(client.console().count("Token generated successfully")).as("tokens issued for the first join").isEqualTo(1);
        client.session().leave();
        waitUntil("the client's page says it left").until(() -> client.session().hasLeft());

        Instant expiry = issued.plusSeconds(SHORT_TOKEN_TTL_SECONDS);
        waitUntil("the client's " + SHORT_TOKEN_TTL_SECONDS + " s token has expired", Duration.ofSeconds(SHORT_TOKEN_TTL_SECONDS + 5))
                .until(() -> Instant.now().isAfter(expiry));
        client.rejoin();

        waitUntil("the page says the token expired and a new one was requested").until(() -> client.session().showsTokenExpiredNotice());
        Presence.awaitInRoom(client, app.connectTimeout());
        assertThat(client.console().count("Token generated successfully")).as("tokens issued after the rejoin").isEqualTo(2);
        Presence.awaitServerLists(rooms, client);
    }
}
