package dev.livecheck.checklist;

import dev.livecheck.browser.Participant;
import dev.livecheck.check.Consultation;
import dev.livecheck.check.Grants;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.NetworkLoss;
import dev.livecheck.check.Presence;
import dev.livecheck.check.ServerView;
import dev.livecheck.check.Waits;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.NetworkFaults;
import dev.livecheck.junit.Partial;
import dev.livecheck.junit.TimingSensitive;
import dev.livecheck.livekit.Rooms;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.livecheck.check.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session longer than the app's token. Every other test joins seconds after its token was made, and LiveKit takes a
 * token up to a minute past its expiry, so a token that lives seconds (a lifetime in the wrong unit, a cached token
 * reused) passes them all and fails users minutes into a call, on their first reload or reconnect. Nightly: it stays in
 * the call past the token's expiry and LiveKit's leeway (at least 70 s).
 */
@LiveCheck
@Tag("session")
@Tag("nightly")
@TimingSensitive
@DisplayName("Long session")
class LongSessionIT {
    /** LiveKit's leeway past a token's expiry (measured: a minute), and a margin. */
    private static final Duration PAST_LEEWAY = Duration.ofSeconds(65);
    /** Longer than any token a few seconds old could last: the least time in the call before the flows are tried. */
    private static final Duration LEAST_SESSION = Duration.ofSeconds(70);
    /** The longest this test stays in the call waiting for the token to run out. */
    private static final Duration LONGEST_SESSION = Duration.ofMinutes(5);

    @Test
    @Checks("S-02")
    @DisplayName("S-02 Token expiry is handled (past the token's lifetime and LiveKit's leeway: reload, reconnect and rejoin still work)")
    void reloadReconnectAndRejoinWorkPastTheTokensLifetime(Participant provider, @NetworkFaults Participant client, Rooms rooms) {
        Consultation.joinBoth(provider, client);
        Instant joined = Instant.now();
        Instant expires = Instant.ofEpochSecond(Grants.tokenOf(client).expiresAt());
        Instant pastExpiry = expires.plus(PAST_LEEWAY);
        Instant until = later(joined.plus(LEAST_SESSION), pastExpiry);
        if (until.isAfter(joined.plus(LONGEST_SESSION))) {
            until = joined.plus(LEAST_SESSION);
            Partial.because("the app's token lives " + Duration.between(joined, expires).toMinutes() + " min: the reload, reconnect and rejoin are"
                    + " tried " + LEAST_SESSION.toSeconds() + " s into the call, not past its expiry (this test stays at most "
                    + LONGEST_SESSION.toMinutes() + " min)");
        }

        Waits.throughout("both stay in the call (no error on either page, both listed by LiveKit) past the client's token's expiry at "
                        + expires, Duration.between(Instant.now(), until), () -> {
                    assertThat(client.session().showsError()).as("the client's page shows an error (%s)", client.session().errorMessage()).isFalse();
                    assertThat(provider.session().showsError()).as("the provider's page shows an error (%s)", provider.session().errorMessage()).isFalse();
                    assertThat(ServerView.find(rooms, client)).as("the client in the room on LiveKit").isPresent();
                    assertThat(ServerView.find(rooms, provider)).as("the provider in the room on LiveKit").isPresent();
                });

        Allure.step("the client reloads the page: back in the call, media both ways", () -> {
            client.reload();
            Presence.awaitReturnSeen(provider, client, rooms);
            MediaFlow.awaitMediaBothWays(provider, client);
        });
        Allure.step("the client's network goes for a moment: the call comes back both ways",
                () -> NetworkLoss.aMomentaryLossRecovers(client, provider));
        Allure.step("the client leaves and joins again", () -> {
            client.session().leave();
            waitUntil("the client's page says it left").until(() -> client.session().hasLeft());
            Presence.awaitLeaveSeen(provider, client, rooms);
            client.rejoin();
            Presence.awaitReturnSeen(provider, client, rooms);
            MediaFlow.awaitMediaBothWays(provider, client);
        });
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
