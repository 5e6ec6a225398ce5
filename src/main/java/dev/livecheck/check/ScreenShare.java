package dev.livecheck.check;

import dev.livecheck.browser.MediaProbe;
import dev.livecheck.browser.Participant;
import dev.livecheck.livekit.Rooms;
import io.qameta.allure.Allure;
import livekit.LivekitModels;
import org.openqa.selenium.WebElement;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Screen sharing: published as SCREEN_SHARE on LiveKit, rendered on the other page, gone on both when stopped. */
public final class ScreenShare {
    private ScreenShare() {
    }

    public static void start(Participant sharer) {
        Allure.step(sharer.name() + " shares their screen", () -> {
            sharer.session().toggleScreenShare();
            Waits.waitUntil(sharer.name() + "'s page says it is sharing").until(() -> sharer.session().isSharingScreen());
        });
    }

    public static void stop(Participant sharer) {
        Allure.step(sharer.name() + " stops sharing", () -> {
            sharer.session().toggleScreenShare();
            Waits.waitUntil(sharer.name() + "'s page says it stopped sharing").until(() -> !sharer.session().isSharingScreen());
        });
    }

    public static void awaitShared(Participant sharer, Participant viewer, Rooms rooms) {
        Waits.waitUntil("LiveKit lists a SCREEN_SHARE track of " + sharer).until(() -> screenTracks(rooms, sharer) > 0);
        AtomicLong firstFrames = new AtomicLong(-1);
        Waits.waitUntil(viewer.name() + " renders " + sharer.name() + "'s screen (its own track decoding frames, picture shown)")
                .untilAsserted(() -> {
                    assertThat(viewer.session().remoteScreens()).as("%s's page has a remote screen element", viewer.name()).isNotEmpty();
                    WebElement screen = viewer.session().remoteScreens().get(0);
                    MediaProbe.Frame frame = viewer.probe().frame(screen).orElse(null);
                    assertThat(frame).as("remote screen playing on %s's page", viewer.name()).isNotNull();
                    assertThat(frame.width()).as("remote screen width").isGreaterThan(0);
                    assertThat(frame.screen().visibleAtLeast(MediaFlow.USABLE_WIDTH, MediaFlow.USABLE_HEIGHT))
                            .as("%s's screen on %s's page shown, at least %dx%d and uncovered at its centre: %s", sharer.name(), viewer.name(),
                                    MediaFlow.USABLE_WIDTH, MediaFlow.USABLE_HEIGHT, frame.screen()).isTrue();
                    long frames = viewer.probe().trackFramesDecoded(screen);
                    assertThat(frames).as("frames decoded for the screen track on %s's page", viewer.name()).isPositive();
                    firstFrames.compareAndSet(-1, frames);
                    assertThat(frames).as("frames decoded for the screen track keep growing (first seen %d)", firstFrames.get())
                            .isGreaterThan(firstFrames.get());
                });
    }

    public static void awaitGone(Participant sharer, Participant viewer, Rooms rooms) {
        Waits.waitUntil("LiveKit no longer lists a SCREEN_SHARE track of " + sharer).until(() -> screenTracks(rooms, sharer) == 0);
        Waits.waitUntil(viewer.name() + "'s page no longer shows " + sharer.name() + "'s screen")
                .until(() -> !viewer.session().showsRemoteScreen());
    }

    /**
     * Whatever a share may have changed is restored when it ends: the viewer sees the sharer's camera again, on screen and
     * moving, and hears the sharer's microphone again (an app that switches a device off to share, or on stopping, and
     * never back, leaves the call one-way while every share check passes).
     */
    public static void awaitDevicesBack(Participant sharer, Participant viewer) {
        Allure.step(viewer.name() + " sees and hears " + sharer.name() + " again once the share ended", () -> {
            MediaFlow.awaitVideoFrom(sharer, viewer);
            MediaFlow.awaitAudioFrom(sharer, viewer);
        });
    }

    private static long screenTracks(Rooms rooms, Participant p) {
        return ServerView.find(rooms, p).map(l -> l.info().getTracksList().stream()
                .filter(t -> t.getSource() == LivekitModels.TrackSource.SCREEN_SHARE).count()).orElse(0L);
    }
}
