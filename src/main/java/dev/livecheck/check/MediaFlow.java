package dev.livecheck.check;

import dev.livecheck.browser.MediaProbe;
import dev.livecheck.browser.Participant;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.media.MediaCatalog;
import dev.livecheck.media.Rgb;
import dev.livecheck.pages.SessionPage;
import io.qameta.allure.Allure;
import livekit.LivekitModels;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether media really flows from one participant to another: the receiver's getStats show video frames
 * decoded and audio bytes growing, a remote video on its page shows the sender's colour and moves, and a
 * remote audio element plays the sender's tone. The colour and tone say <em>whose</em> media it is, so this
 * works on pages that name their elements per person and on pages that do not.
 */
public final class MediaFlow {
    private static final int COLOUR_TOLERANCE = MediaCatalog.COLOUR_TOLERANCE;
    private static final int TONE_TOLERANCE_HZ = MediaCatalog.TONE_TOLERANCE_HZ;

    /**
     * The smallest a remote picture may be shown and still count as seen: a small 16:9 thumbnail. Below it a person
     * cannot make out a face, and a 0x0 or 1x1 video (a common way to "hide" an element) is not seen at all.
     */
    public static final int USABLE_WIDTH = 96;
    public static final int USABLE_HEIGHT = 54;

    /** How far the sender's tone must stand above the median of what the page plays: silence and noise stand at 0 to 10 dB. */
    public static final int TONE_ABOVE_FLOOR_DB = 20;

    private MediaFlow() {
    }

    public static void awaitMediaFrom(Participant sender, Participant receiver) {
        Allure.step(receiver.name() + " receives " + sender.name() + "'s camera and microphone", () -> {
            awaitVideoFrom(sender, receiver);
            awaitAudioFrom(sender, receiver);
        });
    }

    /** Camera and microphone arrive both ways: each sees the other's colour and hears the other's tone. */
    public static void awaitMediaBothWays(Participant a, Participant b) {
        awaitMediaFrom(a, b);
        awaitMediaFrom(b, a);
    }

    /** Frames decoded growing, the sender's colour in a remote video on the receiver's page, and that picture moving. */
    public static void awaitVideoFrom(Participant sender, Participant receiver) {
        Rgb expected = sender.media().colour();
        AtomicReference<MediaProbe.Stats> before = new AtomicReference<>(receiver.probe().stats());
        AtomicReference<Long> firstFingerprint = new AtomicReference<>();
        AtomicReference<MediaProbe.Frame> seen = new AtomicReference<>();
        Waits.waitUntil(receiver.name() + " sees " + sender.name() + "'s camera: colour " + expected + ", frames decoded growing, picture moving")
                .untilAsserted(() -> {
                    MediaProbe.Stats now = receiver.probe().stats();
                    assertThat(now.framesDecoded()).as("%s's inbound video frames decoded (was %d)", receiver.name(), before.get().framesDecoded())
                            .isGreaterThan(before.get().framesDecoded());
                    List<MediaProbe.Frame> frames = frames(receiver, sender);
                    assertThat(frames).as("%s's remote video for %s playing", receiver.name(), sender.name()).isNotEmpty();
                    Optional<MediaProbe.Frame> match = frames.stream().filter(f -> f.colour().distance(expected) <= COLOUR_TOLERANCE).findFirst();
                    assertThat(match).as("colour of %s's video on %s's page: %s, expected %s (±%d)", sender.name(), receiver.name(),
                            frames.stream().map(MediaProbe.Frame::colour).toList(), expected, COLOUR_TOLERANCE).isPresent();
                    seen.set(match.get());
                    assertThat(match.get().screen().visibleAtLeast(USABLE_WIDTH, USABLE_HEIGHT))
                            .as("%s's video of %s on screen, at least %dx%d and uncovered at its centre: %s", receiver.name(), sender.name(),
                                    USABLE_WIDTH, USABLE_HEIGHT, match.get().screen()).isTrue();
                    firstFingerprint.compareAndSet(null, match.get().fingerprint());
                    assertThat(match.get().fingerprint()).as("%s's video of %s changes over time (not frozen)", receiver.name(), sender.name())
                            .isNotEqualTo(firstFingerprint.get());
                });
        Allure.addAttachment(receiver.name() + " — video of " + sender.name(), "text/plain",
                "colour " + seen.get().colour() + " (expected " + expected + "), " + seen.get().width() + "x" + seen.get().height()
                        + " decoded, " + seen.get().screen());
    }

    /** What the receiver's remote videos for the sender show now (every remote video, where the page does not name them per person). */
    private static List<MediaProbe.Frame> frames(Participant receiver, Participant sender) {
        List<MediaProbe.Frame> frames = new ArrayList<>();
        for (WebElement video : receiver.session().remoteVideosOf(sender.asPerson())) {
            receiver.probe().frame(video).ifPresent(frames::add);
        }
        return frames;
    }

    /**
     * The receiver hears the sender: audio bytes growing, and an audio element of the receiver's page that plays —
     * attached, not paused, not muted, with volume — renders the sender's tone. A page that asks for a click
     * before it may play audio (the browser's autoplay policy) gets it, as a user would give it, and the step says so.
     */
    public static void awaitAudioFrom(Participant sender, Participant receiver) {
        int expectedHz = sender.media().toneHz();
        AtomicReference<MediaProbe.Stats> before = new AtomicReference<>(receiver.probe().stats());
        Waits.waitUntil(receiver.name() + " hears " + sender.name() + "'s microphone: " + expectedHz + " Hz from an element that plays, audio bytes growing")
                .untilAsserted(() -> {
                    startAudioIfAsked(receiver);
                    MediaProbe.Stats now = receiver.probe().stats();
                    assertThat(now.audioBytesReceived()).as("%s's inbound audio bytes (was %d)", receiver.name(), before.get().audioBytesReceived())
                            .isGreaterThan(before.get().audioBytesReceived());
                    List<MediaProbe.Tone> tones = tonesOn(receiver, sender);
                    assertThat(tones).as("%s's remote audio for %s attached", receiver.name(), sender.name()).isNotEmpty();
                    assertThat(tones).as("what %s's page plays of %s: %s, expected %d Hz at least %d dB above the rest, playing and unmuted",
                            receiver.name(), sender.name(), tones, expectedHz, TONE_ABOVE_FLOOR_DB).anyMatch(t -> heard(t, expectedHz));
                });
    }

    /** The receiver's page no longer plays the sender's tone (silence, e.g. the sender muted). */
    public static void awaitSilenceFrom(Participant sender, Participant receiver) {
        int expectedHz = sender.media().toneHz();
        Waits.waitUntil(receiver.name() + " no longer hears " + sender.name() + "'s " + expectedHz + " Hz tone")
                .untilAsserted(() -> assertThat(tonesOn(receiver, sender)).as("what %s's page plays of %s", receiver.name(), sender.name())
                        .noneMatch(t -> heard(t, expectedHz)));
    }

    /** Below this level, a frequency peak is not heard (the fake microphone's tone arrives far above it). */
    private static final long SILENCE_DB = -80;

    /** The tone plays audibly, at the expected frequency, loud enough and standing clear of the rest of the spectrum. */
    static boolean heard(MediaProbe.Tone t, int expectedHz) {
        return t.audible() && t.db() > SILENCE_DB && t.aboveFloorDb() >= TONE_ABOVE_FLOOR_DB && Math.abs(t.hz() - expectedHz) <= TONE_TOLERANCE_HZ;
    }

    private static List<MediaProbe.Tone> tonesOn(Participant receiver, Participant sender) {
        List<MediaProbe.Tone> tones = new ArrayList<>();
        for (WebElement audio : receiver.session().remoteAudiosOf(sender.asPerson())) {
            receiver.probe().tone(audio).ifPresent(tones::add);
        }
        return tones;
    }

    private static void startAudioIfAsked(Participant p) {
        if (p.session().asksToStartAudio()) {
            Allure.step(p.name() + "'s page asks for a click before it plays audio (autoplay blocked): clicked, as a user would",
                    () -> p.session().startAudio());
        }
    }

    /**
     * The receiver's page no longer shows the sender's camera moving: every remote video of the sender is gone,
     * blank, or frozen (its track decodes no new frames from one look to the next, a second apart).
     */
    public static void awaitNoVideoFrom(Participant sender, Participant receiver) {
        Rgb colour = sender.media().colour();
        Map<WebElement, Long> framesBefore = new HashMap<>();
        Waits.waitUntil(receiver.name() + " no longer sees " + sender.name() + "'s camera moving (" + colour + ")")
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<WebElement, Long> framesNow = new HashMap<>();
                    for (WebElement video : receiver.session().remoteVideosOf(sender.asPerson())) {
                        MediaProbe.Frame frame = receiver.probe().frame(video).orElse(null);
                        if (frame != null && frame.width() > 0 && frame.colour().distance(colour) <= COLOUR_TOLERANCE) {
                            framesNow.put(video, receiver.probe().trackFramesDecoded(video));
                        }
                    }
                    Map<WebElement, Long> previous = new HashMap<>(framesBefore);
                    framesBefore.clear();
                    framesBefore.putAll(framesNow);
                    assertThat(framesNow.entrySet()).as("%s's videos showing %s's colour that still decode new frames", receiver.name(), sender.name())
                            .noneMatch(e -> !previous.containsKey(e.getKey()) || e.getValue() > previous.get(e.getKey()));
                });
    }

    /** LiveKit lists the participant publishing these sources. */
    public static void awaitServerListsTracks(Rooms rooms, Participant p, LivekitModels.TrackSource... sources) {
        Waits.waitUntil("LiveKit lists " + p + " publishing " + java.util.Arrays.toString(sources))
                .untilAsserted(() -> assertThat(ServerView.find(rooms, p).map(l -> l.info().getTracksList()).orElse(List.of()))
                        .as("tracks LiveKit lists for %s", p)
                        .extracting(LivekitModels.TrackInfo::getSource)
                        .contains(sources));
    }

    /** Polls a while to make sure stats keep growing, i.e. media keeps flowing (not just a burst). */
    public static void awaitStillFlowing(Participant receiver, Duration window) {
        MediaProbe.Stats start = receiver.probe().stats();
        Waits.inherent(receiver.name() + "'s inbound media keeps flowing over " + window.toSeconds() + " s", window.plusSeconds(10))
                .pollDelay(window)
                .untilAsserted(() -> {
                    MediaProbe.Stats now = receiver.probe().stats();
                    assertThat(now.framesDecoded()).as("frames decoded").isGreaterThan(start.framesDecoded());
                    assertThat(now.audioBytesReceived()).as("audio bytes received").isGreaterThan(start.audioBytesReceived());
                });
    }
}
