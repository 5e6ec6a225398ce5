package dev.livecheck.check;

import dev.livecheck.browser.Participant;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.ServerApi;
import dev.livecheck.livekit.TokenClaims;
import io.qameta.allure.Allure;

import java.util.List;
import java.util.Map;
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

    /**
     * Every privileged action LiveKit offers, tried with the participant's own token: stopping a recording, ending a
     * room, removing or muting someone, and changing a participant. Each aims at something that does not exist (a
     * made-up egress, room, identity, track), so a token that wrongly has the power gets "not found" instead of
     * breaking the call, and only a refusal (401/403, LiveKit's "permission denied") passes.
     */
    public static void assertNoAdminPowers(Participant p, LiveKitServer livekit, String room) {
        String token = latestToken(p);
        String nobody = "livecheck-nobody";
        Map<String, String[]> doors = new java.util.LinkedHashMap<>();
        doors.put("stop a recording", new String[] {"Egress", "StopEgress", "{\"egress_id\":\"EG_livecheck_none\"}"});
        doors.put("list the room's recordings", new String[] {"Egress", "ListEgress", "{\"room_name\":\"" + room + "\"}"});
        doors.put("end a room", new String[] {"RoomService", "DeleteRoom", "{\"room\":\"livecheck-no-such-room\"}"});
        doors.put("remove someone", new String[] {"RoomService", "RemoveParticipant", "{\"room\":\"" + room + "\",\"identity\":\"" + nobody + "\"}"});
        doors.put("mute someone", new String[] {"RoomService", "MutePublishedTrack",
                "{\"room\":\"" + room + "\",\"identity\":\"" + nobody + "\",\"track_sid\":\"TR_livecheck_none\",\"muted\":true}"});
        doors.put("change someone", new String[] {"RoomService", "UpdateParticipant",
                "{\"room\":\"" + room + "\",\"identity\":\"" + nobody + "\",\"metadata\":\"{}\"}"});
        StringBuilder evidence = new StringBuilder();
        List<String> opened = new java.util.ArrayList<>();
        doors.forEach((action, call) -> {
            ServerApi.Answer answer = ServerApi.call(livekit, call[0], call[1], token, call[2]);
            evidence.append(action).append(" (").append(call[0]).append('.').append(call[1]).append("): HTTP ").append(answer.status())
                    .append(' ').append(answer.body()).append('\n');
            if (answer.status() != 401 && answer.status() != 403) {
                opened.add(action + " (" + call[1] + ": HTTP " + answer.status() + " " + answer.body() + ")");
            }
        });
        Allure.addAttachment(p.name() + " — privileged LiveKit actions with their own token", "text/plain", evidence.toString());
        assertThat(opened).as("privileged actions LiveKit did not refuse %s's own token", p.name()).isEmpty();
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
