package dev.livecheck.check;

import dev.livecheck.browser.BrowserOptions.Denied;
import dev.livecheck.browser.Participant;
import dev.livecheck.livekit.Rooms;
import io.qameta.allure.Allure;
import livekit.LivekitModels;

import java.util.List;
import java.util.Set;

import static dev.livecheck.check.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A denied camera or microphone handled: the page says which device is blocked and what to do, the person is
 * still in the call, the other side sees them present and named and gets what they can still send, and
 * they still see and hear the other side.
 */
public final class Permissions {
    private Permissions() {
    }

    public static void awaitDenialHandled(Participant denied, Participant other, Rooms rooms, Denied what) {
        boolean camera = what == Denied.CAMERA || what == Denied.BOTH;
        boolean microphone = what == Denied.MICROPHONE || what == Denied.BOTH;
        assertThat(denied.deniesCamera()).as("%s's browser refuses the camera", denied.name()).isEqualTo(camera);
        assertThat(denied.deniesMicrophone()).as("%s's browser refuses the microphone", denied.name()).isEqualTo(microphone);
        other.logInAndJoin();
        denied.logInAndJoin();

        waitUntil(denied.name() + "'s page explains the blocked " + devices(camera, microphone)).until(() -> denied.session().showsPermissionWarning());
        String warning = denied.session().permissionWarning();
        Allure.addAttachment(denied.name() + " — permission warning", "text/plain", warning);
        for (String device : List.of("camera", "microphone")) {
            if (device.equals("camera") ? camera : microphone) {
                assertThat(warning).as("%s's warning names the blocked %s", denied.name(), device).containsIgnoringCase(device);
            }
        }
        Set<String> blocked = new java.util.LinkedHashSet<>();
        if (camera) {
            blocked.add("camera");
        }
        if (microphone) {
            blocked.add("microphone");
        }
        assertThat(ErrorWording.devicesCalledBlocked(warning, denied.profile()))
                .as("the devices %s's warning calls blocked (only the %s is)", denied.name(), devices(camera, microphone))
                .isSubsetOf(blocked);
        ErrorWording.assertActionable(denied.name(), warning, Set.of(), denied.profile(), Set.of(ErrorWording.Problem.PERMISSION),
                Set.of(ErrorWording.Action.ALLOW));

        Presence.awaitPageShows(other, denied);
        Presence.awaitPageShows(denied, other);
        Presence.awaitServerLists(rooms, denied, other);
        MediaFlow.awaitMediaFrom(other, denied);
        List<LivekitModels.TrackSource> sent = new java.util.ArrayList<>();
        if (!camera) {
            sent.add(LivekitModels.TrackSource.CAMERA);
        }
        if (!microphone) {
            sent.add(LivekitModels.TrackSource.MICROPHONE);
        }
        if (!sent.isEmpty()) {
            MediaFlow.awaitServerListsTracks(rooms, denied, sent.toArray(LivekitModels.TrackSource[]::new));
        }
        assertThat(ServerView.find(rooms, denied).orElseThrow().info().getTracksList()).extracting(LivekitModels.TrackInfo::getSource)
                .as("what %s publishes", denied.name()).containsExactlyInAnyOrderElementsOf(sent);
        if (!camera) {
            MediaFlow.awaitVideoFrom(denied, other);
        }
        if (!microphone) {
            MediaFlow.awaitAudioFrom(denied, other);
        }
    }

    private static String devices(boolean camera, boolean microphone) {
        return camera && microphone ? "camera and microphone" : camera ? "camera" : "microphone";
    }
}
