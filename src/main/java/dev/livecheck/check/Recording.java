package dev.livecheck.check;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.browser.Participant;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.profile.AppProfile;
import io.qameta.allure.Allure;
import livekit.LivekitEgress;
import livekit.LivekitModels;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recording, seen from every page, from LiveKit (the room's {@code active_recording}) and, where the app lists
 * its recordings ({@code api.recordings} in its profile), from the recording it kept.
 */
public final class Recording {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Participant provider;
    private final int recordingsBefore;
    private final Instant startedAt;
    private Instant seenAt;
    private String room;
    private Instant stoppedAt;

    private Recording(Participant provider, int recordingsBefore) {
        this.provider = provider;
        this.recordingsBefore = recordingsBefore;
        this.startedAt = Instant.now();
    }

    public static Recording startOn(Participant provider) {
        return Allure.step(provider.name() + " starts recording", () -> {
            int before = recordings(provider).map(List::size).orElse(0);
            provider.session().startRecording();
            return new Recording(provider, before);
        });
    }

    /** The app's list of the live session's recordings, where its profile names the endpoint. */
    private static Optional<List<Map<String, Object>>> recordings(Participant provider) throws java.io.IOException {
        Optional<AppProfile.ApiRoute> route = provider.profile().api("recordings");
        if (route.isEmpty()) {
            return Optional.empty();
        }
        Participant.BrowserResponse response = provider.request(route.get().method(), route.get().pathFor(provider.profile().liveSession()));
        assertThat(response.status()).as("%s %s", route.get().method(), route.get().path()).isEqualTo(200);
        return Optional.of(JSON.readValue(response.body(), new TypeReference<>() { }));
    }

    /** LiveKit and every page report the room recording; from here the session counts as recorded. */
    public void awaitStarted(Rooms rooms, Participant... pages) {
        awaitRecording(true, rooms, provider, pages);
        seenAt = Instant.now();
        room = ServerView.find(rooms, provider).map(ServerView.Listed::room).orElseThrow();
    }

    public void stop() {
        Allure.step(provider.name() + " stops recording", () -> {
            Waits.waitUntil(provider.name() + "'s page offers Stop recording").until(() -> provider.session().canStopRecording());
            provider.session().stopRecording();
            stoppedAt = Instant.now();
        });
    }

    /** LiveKit reports the provider's room recording (or not), and every page shows (or no longer shows) the indicator. */
    public static void awaitRecording(boolean recording, Rooms rooms, Participant provider, Participant... pages) {
        String what = "LiveKit reports " + provider + "'s room " + (recording ? "recording" : "not recording");
        // a stopped Egress leaves the room only when LiveKit times its connection out (16 s measured): never less than that
        (recording ? Waits.waitUntil(what) : Waits.inherent(what, Duration.ofSeconds(Math.max(30, Waits.presence().toSeconds()))))
                .untilAsserted(() -> {
                    Optional<String> room = ServerView.find(rooms, provider).map(ServerView.Listed::room);
                    assertThat(room).as("%s's room on LiveKit", provider).isPresent();
                    assertThat(rooms.room(room.get()).map(LivekitModels.Room::getActiveRecording)).as("room %s active_recording", room.get()).contains(recording);
                });
        for (Participant p : pages) {
            Waits.waitUntil(p.name() + "'s page " + (recording ? "shows" : "no longer shows") + " the recording indicator")
                    .until(() -> p.session().showsRecordingIndicator() == recording);
        }
    }

    /**
     * While the call goes on, the recording holds, every look: LiveKit reports the room recording and every page shows
     * the indicator (a recording that stops by itself, or an indicator that blinks out, fails at the first look that sees it).
     */
    public static void assertRecordingThroughout(Duration window, Rooms rooms, Participant provider, Participant... pages) {
        Waits.throughout("LiveKit reports " + provider + "'s room recording and every page shows the indicator", window, () -> {
            Optional<String> room = ServerView.find(rooms, provider).map(ServerView.Listed::room);
            assertThat(room).as("%s's room on LiveKit", provider).isPresent();
            assertThat(rooms.room(room.get()).map(LivekitModels.Room::getActiveRecording)).as("room %s active_recording", room.get()).contains(true);
            for (Participant p : pages) {
                assertThat(p.session().showsRecordingIndicator()).as("%s's page shows the recording indicator", p.name()).isTrue();
            }
        });
    }

    /**
     * The recording itself: where LiveKit lists an Egress for the room, the file it wrote, decoded (its length, and
     * every participant's camera and microphone in it); else the app's own list of recordings, where its profile names one.
     */
    public void awaitRecordedSession(Rooms rooms, Participant... people) {
        if (egressSinceStart(rooms).isEmpty()) {
            awaitArtifact();
            return;
        }
        LivekitEgress.EgressInfo ended = Waits.waitUntil("LiveKit lists the room's recording (Egress) as ended")
                .until(() -> egressSinceStart(rooms).stream().filter(e -> e.getStatusValue() >= LivekitEgress.EgressStatus.EGRESS_COMPLETE_VALUE)
                        .findFirst().orElse(null), java.util.Objects::nonNull);
        RecordedSession.check(ended, Duration.between(seenAt, stoppedAt), Duration.between(startedAt, stoppedAt), List.of(people));
    }

    private List<LivekitEgress.EgressInfo> egressSinceStart(Rooms rooms) {
        Instant since = startedAt.minusSeconds(2);
        return rooms.egress(room).stream().filter(e -> Instant.ofEpochSecond(0, e.getStartedAt()).isAfter(since) || e.getStartedAt() == 0).toList();
    }

    /** The app kept a new recording whose length matches the time between start and stop (where it lists recordings). */
    void awaitArtifact() {
        long expectedMs = Duration.between(startedAt, stoppedAt).toMillis();
        if (provider.profile().api("recordings").isEmpty()) {
            Allure.addAttachment("recording artifact", "text/plain", "the app's profile names no recordings endpoint: judged on LiveKit's recording state and the pages");
            dev.livecheck.junit.Partial.because("no recording to look at: the app records without LiveKit Egress and its profile names no recordings"
                    + " endpoint, so only LiveKit's recording state and the pages are checked");
            return;
        }
        dev.livecheck.junit.Partial.because("no recording file to decode: the app records without LiveKit Egress, so its recording is judged on"
                + " the size and length its recordings endpoint reports, not on what it holds");
        Waits.waitUntil("the app lists a new recording of about " + expectedMs + " ms for session " + provider.profile().liveSession())
                .untilAsserted(() -> {
                    List<Map<String, Object>> recordings = recordings(provider).orElseThrow();
                    assertThat(recordings).as("recordings of the session (there were %d before)", recordingsBefore).hasSizeGreaterThan(recordingsBefore);
                    Map<String, Object> last = recordings.get(recordings.size() - 1);
                    assertThat(((Number) last.get("bytes")).longValue()).as("recording size in bytes").isGreaterThan(10_000);
                    assertThat(((Number) last.get("durationMs")).longValue()).as("recording duration (ms)")
                            .isBetween(expectedMs / 2, expectedMs + 10_000);
                    Allure.addAttachment("recording artifact", "text/plain", last.toString());
                });
    }
}
