package dev.livecheck.check;

import dev.livecheck.browser.Participant;
import dev.livecheck.media.Goertzel;
import dev.livecheck.media.MediaCatalog;
import dev.livecheck.media.RecordedFile;
import dev.livecheck.media.Rgb;
import io.qameta.allure.Allure;
import livekit.LivekitEgress;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What LiveKit Egress recorded of a session, decoded from the file: as long as the session was recorded, and
 * carrying every participant's camera (their colour) and microphone (their tone).
 */
final class RecordedSession {
    /** Egress needs a moment (its Chrome, the template joining) before the first frame; the file may be this much shorter. */
    static final Duration START_ALLOWANCE = Duration.ofMillis(2500);
    /** ...and at most this much longer than from the click on Start to the click on Stop. */
    static final Duration END_ALLOWANCE = Duration.ofSeconds(5);
    /** A participant's camera counts as recorded where their colour covers this share of a frame... */
    static final double MIN_COLOUR_SHARE = 0.03;
    /** ...in at least this many of the frames sampled. */
    static final int FRAMES = 5;
    static final int FRAMES_NEEDED = 3;
    /** A participant's microphone counts as recorded where their tone holds this share of the sound's energy. */
    static final double MIN_TONE_SHARE = 0.02;
    private static final long ATTACH_LIMIT_BYTES = 8L << 20;

    private RecordedSession() {
    }

    static void check(LivekitEgress.EgressInfo egress, Duration recorded, Duration clicked, List<Participant> people) {
        assertThat(egress.getStatus()).as("Egress %s ended with %s %s", egress.getEgressId(), egress.getStatus(), egress.getError())
                .isEqualTo(LivekitEgress.EgressStatus.EGRESS_COMPLETE);
        assertThat(egress.getFileResultsList()).as("files Egress %s wrote", egress.getEgressId()).isNotEmpty();
        LivekitEgress.FileInfo info = egress.getFileResults(0);
        Path path = Path.of(info.getFilename());
        StringBuilder summary = new StringBuilder("Egress " + egress.getEgressId() + " (" + egress.getRequestCase() + "), " + egress.getStatus()
                + "\nfile " + info.getFilename() + ", " + info.getSize() + " bytes, " + info.getDuration() / 1_000_000 + " ms by Egress"
                + "\nrecorded by LiveKit's account: " + recorded.toMillis() + " ms; Start to Stop clicked: " + clicked.toMillis() + " ms\n");
        if (!Files.isReadable(path)) {
            Allure.addAttachment("recording", "text/plain", summary + "the file is not on this machine: its content is not checked");
            dev.livecheck.junit.Partial.because("Egress's file is not on this machine (cloud storage?): its length is judged on Egress's account,"
                    + " its content is not checked");
            assertDuration(info.getDuration() / 1_000_000, recorded, clicked);
            return;
        }
        RecordedFile file = new RecordedFile(path);
        long durationMs = file.durationMs();
        summary.append("decoded: ").append(durationMs).append(" ms\n");
        try {
            assertDuration(durationMs, recorded, clicked);
            assertThat(file.streams()).as("streams in the recording").contains("video", "audio");
            for (Participant person : people) {
                summary.append(checkCamera(file, durationMs, person)).append(checkMicrophone(file, durationMs, person));
            }
        } finally {
            Allure.addAttachment("recording", "text/plain", summary.toString());
            attachMedia(file, durationMs, info.getSize());
        }
    }

    private static void assertDuration(long durationMs, Duration recorded, Duration clicked) {
        assertThat(durationMs).as("the recording's length (ms): LiveKit reported the room recording for %d ms, Start to Stop took %d ms",
                recorded.toMillis(), clicked.toMillis())
                .isBetween(recorded.minus(START_ALLOWANCE).toMillis(), clicked.plus(END_ALLOWANCE).toMillis());
    }

    private static String checkCamera(RecordedFile file, long durationMs, Participant person) {
        Rgb colour = person.media().colour();
        List<String> shares = new ArrayList<>();
        int seen = 0;
        for (int i = 0; i < FRAMES; i++) {
            double at = durationMs / 1000.0 * (0.15 + 0.7 * i / (FRAMES - 1));
            List<Rgb> pixels = file.frame(at, 64, 36);
            double share = pixels.isEmpty() ? 0 : pixels.stream().filter(p -> p.distance(colour) <= MediaCatalog.COLOUR_TOLERANCE).count() / (double) pixels.size();
            shares.add(String.format(java.util.Locale.ROOT, "%.2fs:%.0f%%", at, share * 100));
            if (share >= MIN_COLOUR_SHARE) {
                seen++;
            }
        }
        String line = person.name() + "'s camera (" + colour + ") in frames " + shares + "\n";
        assertThat(seen).as("frames of the recording showing %s's camera %s: %s", person.name(), colour, shares).isGreaterThanOrEqualTo(FRAMES_NEEDED);
        return line;
    }

    private static String checkMicrophone(RecordedFile file, long durationMs, Participant person) {
        int hz = person.media().toneHz();
        double length = Math.min(4, durationMs / 1000.0 * 0.6);
        double share = Goertzel.share(file.audio(durationMs / 1000.0 * 0.2, length), RecordedFile.SAMPLE_RATE, hz);
        String line = String.format(java.util.Locale.ROOT, "%s's microphone (%d Hz): %.1f%% of the sound\n", person.name(), hz, share * 100);
        assertThat(share).as("share of the recording's sound at %s's tone, %d Hz", person.name(), hz).isGreaterThanOrEqualTo(MIN_TONE_SHARE);
        return line;
    }

    private static void attachMedia(RecordedFile file, long durationMs, long size) {
        try {
            Allure.addAttachment("recording frame (middle)", "image/png", new ByteArrayInputStream(file.framePng(durationMs / 2000.0)), "png");
            if (size > 0 && size <= ATTACH_LIMIT_BYTES) {
                Allure.addAttachment("recording", "video/mp4", Files.newInputStream(file.path()), "mp4");
            }
        } catch (RuntimeException | java.io.IOException e) {
            Allure.addAttachment("recording frame", "text/plain", "could not attach: " + e.getMessage());
        }
    }
}
