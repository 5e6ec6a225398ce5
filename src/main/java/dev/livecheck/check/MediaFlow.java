package dev.livecheck.check;

import dev.livecheck.browser.MediaProbe;
import dev.livecheck.browser.Participant;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.media.MediaCatalog;
import dev.livecheck.media.Rgb;
import dev.livecheck.pages.SessionPage;
import io.qameta.allure.Allure;
import livekit.LivekitModels;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether media really flows from one participant to another: the receiver's getStats show video frames
 * decoded and audio bytes growing, its remote video shows the sender's colour and moves, and its remote
 * audio carries the sender's tone.
 */
public final class MediaFlow {
    private static final int COLOUR_TOLERANCE = MediaCatalog.COLOUR_TOLERANCE;
    private static final int TONE_TOLERANCE_HZ = MediaCatalog.TONE_TOLERANCE_HZ;

    private MediaFlow() {
    }

    public static void awaitMediaFrom(Participant sender, Participant receiver) {
        Allure.step(receiver.name() + " receives " + sender.name() + "'s camera and microphone", () -> {
            awaitVideoFrom(sender, receiver);
            awaitAudioFrom(sender, receiver);
        });
    }

    /** Frames decoded growing, the sender's colour on the receiver's remote video, and the picture moving. */
    public static void awaitVideoFrom(Participant sender, Participant receiver) {
        String selector = SessionPage.remoteVideoSelector(sender.identity());
        Rgb expected = sender.media().colour();
        AtomicReference<MediaProbe.Stats> before = new AtomicReference<>(receiver.probe().stats());
        AtomicReference<MediaProbe.Frame> firstFrame = new AtomicReference<>();
        Waits.waitUntil(receiver.name() + " sees " + sender.name() + "'s camera: colour " + expected + ", frames decoded growing, picture moving")
                .untilAsserted(() -> {
                    MediaProbe.Stats now = receiver.probe().stats();
                    assertThat(now.framesDecoded()).as("%s's inbound video frames decoded (was %d)", receiver.name(), before.get().framesDecoded())
                            .isGreaterThan(before.get().framesDecoded());
                    MediaProbe.Frame frame = receiver.probe().frame(selector).orElse(null);
                    assertThat(frame).as("%s's remote video for %s (%s) playing", receiver.name(), sender.name(), selector).isNotNull();
                    assertThat(frame.colour().distance(expected))
                            .as("colour of %s's video on %s's page: %s, expected %s (±%d)", sender.name(), receiver.name(), frame.colour(), expected, COLOUR_TOLERANCE)
                            .isLessThanOrEqualTo(COLOUR_TOLERANCE);
                    if (firstFrame.get() == null) {
                        firstFrame.set(frame);
                    }
                    assertThat(frame.fingerprint()).as("%s's video of %s changes over time (not frozen)", receiver.name(), sender.name())
                            .isNotEqualTo(firstFrame.get().fingerprint());
                });
        MediaProbe.Frame frame = receiver.probe().frame(selector).orElseThrow();
        Allure.addAttachment(receiver.name() + " — video of " + sender.name(), "text/plain",
                "colour " + frame.colour() + " (expected " + expected + "), " + frame.width() + "x" + frame.height());
    }

    /** Audio bytes growing and the sender's tone dominant in the receiver's remote audio. */
    public static void awaitAudioFrom(Participant sender, Participant receiver) {
        String selector = SessionPage.remoteAudioSelector(sender.identity());
        int expectedHz = sender.media().toneHz();
        AtomicReference<MediaProbe.Stats> before = new AtomicReference<>(receiver.probe().stats());
        Waits.waitUntil(receiver.name() + " hears " + sender.name() + "'s microphone: " + expectedHz + " Hz, audio bytes growing")
                .untilAsserted(() -> {
                    MediaProbe.Stats now = receiver.probe().stats();
                    assertThat(now.audioBytesReceived()).as("%s's inbound audio bytes (was %d)", receiver.name(), before.get().audioBytesReceived())
                            .isGreaterThan(before.get().audioBytesReceived());
                    MediaProbe.Tone tone = receiver.probe().tone(selector).orElse(null);
                    assertThat(tone).as("%s's remote audio for %s (%s) playing", receiver.name(), sender.name(), selector).isNotNull();
                    assertThat(Math.abs(tone.hz() - expectedHz))
                            .as("dominant tone of %s's audio on %s's page: %d Hz (%d dB), expected %d Hz", sender.name(), receiver.name(), tone.hz(), tone.db(), expectedHz)
                            .isLessThanOrEqualTo(TONE_TOLERANCE_HZ);
                });
    }

    /** LiveKit lists the participant publishing camera and microphone. */
    public static void awaitServerListsTracks(Rooms rooms, String room, Participant p, LivekitModels.TrackSource... sources) {
        Waits.waitUntil("LiveKit lists " + p.identity() + " publishing " + java.util.Arrays.toString(sources))
                .untilAsserted(() -> assertThat(rooms.participant(room, p.identity()).orElseThrow().getTracksList())
                        .extracting(LivekitModels.TrackInfo::getSource)
                        .contains(sources));
    }

    /** Polls a while to make sure stats keep growing, i.e. media keeps flowing (not just a burst). */
    public static void awaitStillFlowing(Participant receiver, Duration window) {
        MediaProbe.Stats start = receiver.probe().stats();
        Waits.waitUntil(receiver.name() + "'s inbound media keeps flowing over " + window.toSeconds() + " s", window.plusSeconds(10))
                .pollDelay(window)
                .untilAsserted(() -> {
                    MediaProbe.Stats now = receiver.probe().stats();
                    assertThat(now.framesDecoded()).as("frames decoded").isGreaterThan(start.framesDecoded());
                    assertThat(now.audioBytesReceived()).as("audio bytes received").isGreaterThan(start.audioBytesReceived());
                });
    }
}
