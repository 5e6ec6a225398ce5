package dev.livecheck.evidence;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServerLogEventsTest {

    @Test
    void livekitsOwnEventsComeWithTheirTimeAndWhoTheyConcernTheHarnesssPollingDoesNot() {
        String log = String.join("\n",
                "2026-11-26T18:27:46.330Z\tINFO\tlivekit\tservice/roommanager.go:433\tstarting RTC session\t{\"room\": \"booking-5001\", \"participant\": \"provider-101\", \"remote\": false, \"room\": \"booking-5001\"}",
                "2026-11-26T18:27:46.676Z\tINFO\tlivekit.pub\trtc/participant.go:2362\tmediaTrack published\t{\"participant\": \"provider-101\", \"kind\": \"audio\", \"ssrc\": 376987284}",
                "2026-11-26T18:27:47.000Z\tDEBUG\tlivekit\trtc/room.go:1\tsomething chatty\t{}",
                "2026-11-26T18:27:49.083Z\tINFO\tlivekit.api\tservice/twirp.go:149\tAPI RoomService.ListRooms\t{\"service\": \"RoomService\", \"status\": \"200\"}",
                "2026-11-26T18:27:49.090Z\tINFO\tlivekit.api\tservice/twirp.go:149\tAPI RoomService.DeleteRoom\t{\"service\": \"RoomService\", \"status\": \"404\"}",
                "2026-11-26T18:27:50.000Z\tWARN\tlivekit\trtc/participant.go:9\tparticipant closing\t{\"participant\": \"client-202\", \"reason\": \"JOIN_FAILURE\"}",
                "  a continuation line of a stack trace",
                "");

        List<Timeline.Event> events = ServerLogEvents.of(log);

        assertThat(events).extracting(Timeline.Event::text).containsExactly(
                "starting RTC session participant=provider-101",
                "mediaTrack published participant=provider-101 kind=audio",
                "API RoomService.DeleteRoom status=404",
                "WARN participant closing participant=client-202 reason=JOIN_FAILURE");
        assertThat(events.get(0).at()).isEqualTo(Instant.parse("2026-11-26T18:27:46.330Z"));
        assertThat(events).allSatisfy(e -> assertThat(e.who() + " " + e.kind()).isEqualTo("livekit server"));
    }
}
