package dev.livecheck.check;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.livekit.Rooms;
import io.qameta.allure.Allure;
import livekit.LivekitModels;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Recording, seen from both pages, from LiveKit (the room's active_recording) and from the app (the artifact). */
public final class Recording {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Participant provider;
    private final AppUnderTest app;
    private final int recordingsBefore;
    private final Instant startedAt;
    private Instant stoppedAt;

    private Recording(Participant provider, AppUnderTest app, int recordingsBefore) {
        this.provider = provider;
        this.app = app;
        this.recordingsBefore = recordingsBefore;
        this.startedAt = Instant.now();
    }

    public static Recording startOn(Participant provider, AppUnderTest app) {
        return Allure.step(provider.name() + " starts recording", () -> {
            int before = recordings(provider, app).size();
            provider.session().startRecording();
            return new Recording(provider, app, before);
        });
    }

    private static List<Map<String, Object>> recordings(Participant provider, AppUnderTest app) throws java.io.IOException {
        Participant.BrowserResponse response = provider.request("GET", "/api/bookings/" + app.contract().liveBookingId() + "/recordings");
        assertThat(response.status()).as("GET recordings").isEqualTo(200);
        return JSON.readValue(response.body(), new TypeReference<>() { });
    }

    public void stop() {
        Allure.step(provider.name() + " stops recording", () -> {
            Waits.waitUntil(provider.name() + "'s page offers Stop recording").until(() -> provider.session().canStopRecording());
            provider.session().stopRecording();
            stoppedAt = Instant.now();
        });
    }

    /** Every page shows (or no longer shows) the recording indicator, and LiveKit agrees. */
    public static void awaitRecording(boolean recording, Rooms rooms, AppUnderTest app, Participant... pages) {
        String room = app.contract().liveRoom();
        Waits.waitUntil("LiveKit reports room " + room + (recording ? " recording" : " not recording"))
                .untilAsserted(() -> assertThat(rooms.room(room).map(LivekitModels.Room::getActiveRecording))
                        .as("room %s active_recording", room).contains(recording));
        for (Participant p : pages) {
            Waits.waitUntil(p.name() + "'s page " + (recording ? "shows" : "no longer shows") + " the recording indicator")
                    .until(() -> p.session().showsRecordingIndicator() == recording);
        }
    }

    /** The app kept a new recording whose length matches the time between start and stop. */
    public void awaitArtifact() {
        long expectedMs = Duration.between(startedAt, stoppedAt).toMillis();
        Waits.waitUntil("the app lists a new recording of about " + expectedMs + " ms for booking " + app.contract().liveBookingId())
                .untilAsserted(() -> {
                    List<Map<String, Object>> recordings = recordings(provider, app);
                    assertThat(recordings).as("recordings of the booking (there were %d before)", recordingsBefore).hasSizeGreaterThan(recordingsBefore);
                    Map<String, Object> last = recordings.get(recordings.size() - 1);
                    assertThat(((Number) last.get("bytes")).longValue()).as("recording size in bytes").isGreaterThan(10_000);
                    assertThat(((Number) last.get("durationMs")).longValue()).as("recording duration (ms)")
                            .isBetween(expectedMs / 2, expectedMs + 10_000);
                    Allure.addAttachment("recording artifact", "text/plain", last.toString());
                });
    }
}
