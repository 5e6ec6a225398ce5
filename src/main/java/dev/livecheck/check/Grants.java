package dev.livecheck.check;

import dev.livecheck.browser.Participant;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.ServerApi;
import dev.livecheck.livekit.TokenClaims;
import io.qameta.allure.Allure;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** What the token a page handed LiveKit allows, read from the token itself and tried against LiveKit. */
public final class Grants {
    private Grants() {
    }

    /** The claims of the latest token the participant's page gave LiveKit (waits for one). */
    public static TokenClaims tokenOf(Participant p) {
        TokenClaims claims = TokenClaims.decode(latestToken(p));
        Allure.addAttachment(p.name() + " — token claims", "text/plain", claims.toString());
        return claims;
    }

    /** The participant's own token cannot start a recording: LiveKit answers 401 (no roomRecord grant). */
    public static void assertCannotRecord(Participant p, LiveKitServer livekit, String room) {
        String token = latestToken(p);
        ServerApi.Answer answer = ServerApi.call(livekit, "Egress", "StartRoomCompositeEgress", token,
                "{\"room_name\":\"" + room + "\",\"layout\":\"speaker\"}");
        Allure.addAttachment(p.name() + " — recording start with their own token", "text/plain", "HTTP " + answer.status() + " " + answer.body());
        assertThat(answer.status()).as("LiveKit's answer to a recording start with %s's own token (%s)", p.name(), answer.body()).isEqualTo(401);
    }

    /** The token itself, to call LiveKit with as that participant: never log or attach it. */
    public static String latestTokenOf(Participant p) {
        return latestToken(p);
    }

    /** The token itself: passed to LiveKit, never logged or attached. */
    static String latestToken(Participant p) {
        AtomicReference<String> token = new AtomicReference<>();
        Waits.waitUntil(p.name() + "'s page handed LiveKit a token").untilAsserted(() -> {
            List<String> tokens = p.probe().tokens();
            assertThat(tokens).as("tokens in %s's signalling connections", p.name()).isNotEmpty();
            token.set(tokens.get(tokens.size() - 1));
        });
        return token.get();
    }
}
