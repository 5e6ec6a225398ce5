package dev.livecheck.checklist;

import dev.livecheck.browser.Participant;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.Presence;
import dev.livecheck.check.ServerView;
import dev.livecheck.junit.Call;
import dev.livecheck.junit.ChangesTheCall;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.Needs;
import dev.livecheck.junit.Scenario;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.media.MediaCatalog;
import dev.livecheck.pages.SessionPage;
import dev.livecheck.profile.Feature;
import io.qameta.allure.Allure;
import livekit.LivekitModels;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.livecheck.check.Waits.waitUntil;
import static dev.livecheck.profile.Feature.PARTICIPANT_LIST;
import static dev.livecheck.junit.Call.Stage.EACH_SEES_THE_OTHER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a session offers, seen from the other side, on one call: each tile's name, then the camera off and on, the
 * microphone muted and unmuted, and the participant list as the client leaves and comes back. F-05, on a network of
 * its own, is ConnectionQualityIT.
 */
@LiveCheck
@Scenario("one call, its features tried and put back")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("features")
@DisplayName("Features")
class FeaturesIT {

    @Test
    @Order(3)
    @Checks("F-01")
    @ChangesTheCall
    @DisplayName("F-01 Mute and unmute are heard by the other side")
    void muteAndUnmuteAreHeardByTheOtherSide(Participant provider, Participant client, Call call, Rooms rooms) {
        call.reach(EACH_SEES_THE_OTHER);
        MediaFlow.awaitAudioFrom(client, provider);

        Allure.step("the client mutes", () -> {
            client.session().toggleMicrophone();
            awaitTrackMuted(rooms, client, LivekitModels.TrackSource.MICROPHONE, true);
            MediaFlow.awaitSilenceFrom(client, provider);
        });
        Allure.step("the client unmutes", () -> {
            client.session().toggleMicrophone();
            awaitTrackMuted(rooms, client, LivekitModels.TrackSource.MICROPHONE, false);
            MediaFlow.awaitAudioFrom(client, provider);
        });
    }

    @Test
    @Order(2)
    @Checks("F-02")
    @ChangesTheCall
    @DisplayName("F-02 Camera off and on are seen by the other side")
    void cameraOffAndOnAreSeenByTheOtherSide(Participant provider, Participant client, Call call, Rooms rooms) {
        call.reach(EACH_SEES_THE_OTHER);
        MediaFlow.awaitVideoFrom(client, provider);

        Allure.step("the client turns the camera off", () -> {
            client.session().toggleCamera();
            awaitTrackMuted(rooms, client, LivekitModels.TrackSource.CAMERA, true);
            MediaFlow.awaitNoVideoFrom(client, provider);
            Presence.awaitPageShows(provider, client);
        });
        Allure.step("the client turns the camera on", () -> {
            client.session().toggleCamera();
            awaitTrackMuted(rooms, client, LivekitModels.TrackSource.CAMERA, false);
            MediaFlow.awaitVideoFrom(client, provider);
        });
    }

    @Test
    @Order(1)
    @Checks("F-03")
    @DisplayName("F-03 Each tile shows the right person's name (and role)")
    void eachTileShowsTheRightPersonsName(Participant provider, Participant client, Call call) {
        call.reach(EACH_SEES_THE_OTHER);

        for (Participant[] pair : List.of(new Participant[] {provider, client}, new Participant[] {client, provider})) {
            Participant viewer = pair[0];
            Participant other = pair[1];
            waitUntil(viewer.name() + "'s tile showing " + other.name() + "'s camera is captioned with " + other.displayName())
                    .untilAsserted(() -> {
                        Optional<SessionPage.Tile> tile = viewer.session().remoteTiles().stream()
                                .filter(t -> t.video().flatMap(v -> viewer.probe().frame(v))
                                        .map(f -> f.colour().distance(other.media().colour()) <= MediaCatalog.COLOUR_TOLERANCE).orElse(false))
                                .findFirst();
                        assertThat(tile).as("a tile on %s's page showing %s's camera (%s)", viewer.name(), other.name(), other.media().colour()).isPresent();
                        String caption = tile.get().name();
                        assertThat(caption).as("the caption of %s's tile on %s's page", other.name(), viewer.name())
                                .contains(other.displayName()).doesNotContainIgnoringCase("undefined").doesNotContain(other.identity() + "");
                        if (other.profile().offers(Feature.ROLES) && other.profile().participantList().flatMap(l -> l.role()).isPresent()) {
                            assertThat(caption).as("the caption names %s's role", other.name()).containsIgnoringCase(other.roleName());
                        }
                    });
        }
    }

    @Test
    @Order(4)
    @Checks("F-04")
    @ChangesTheCall
    @Needs(PARTICIPANT_LIST)
    @DisplayName("F-04 The participant list follows who is in the room")
    void theParticipantListFollowsWhoIsInTheRoom(Participant provider, Participant client, Call call, Rooms rooms) {
        call.reach(EACH_SEES_THE_OTHER);
        awaitListMatchesLiveKit(provider, rooms, "both in the call");
        awaitListMatchesLiveKit(client, rooms, "the client joined");

        client.session().leave();
        Presence.awaitServerDropped(rooms, client);
        awaitListMatchesLiveKit(provider, rooms, "the client left: the provider alone");

        client.rejoin();
        Presence.awaitEachSeesTheOther(provider, client);
        awaitListMatchesLiveKit(provider, rooms, "the client came back");
    }

    /** LiveKit marks the participant's track of this source muted (or, muted, lists none of it). */
    private static void awaitTrackMuted(Rooms rooms, Participant p, LivekitModels.TrackSource source, boolean muted) {
        waitUntil("LiveKit lists " + p + "'s " + source + (muted ? " muted" : " live")).untilAsserted(() -> {
            List<LivekitModels.TrackInfo> tracks = ServerView.find(rooms, p).map(l -> l.info().getTracksList()).orElse(List.of())
                    .stream().filter(t -> t.getSource() == source).toList();
            if (muted) {
                assertThat(tracks).as("%s's %s tracks on LiveKit", p.name(), source).allMatch(LivekitModels.TrackInfo::getMuted);
            } else {
                assertThat(tracks).as("%s's %s tracks on LiveKit", p.name(), source).isNotEmpty().noneMatch(LivekitModels.TrackInfo::getMuted);
            }
        });
    }

    /** The viewer's participant list names exactly who LiveKit lists in the room (by identity, or by name where the page shows names). */
    private static void awaitListMatchesLiveKit(Participant viewer, Rooms rooms, String when) {
        boolean byIdentity = viewer.profile().participantList().orElseThrow().identity().isPresent();
        boolean withSelf = viewer.profile().participantList().orElseThrow().includesSelf();
        waitUntil(viewer.name() + "'s participant list matches LiveKit's room (" + when + ")").untilAsserted(() -> {
            List<LivekitModels.ParticipantInfo> listed = ServerView.everyoneInSession(rooms, viewer);
            TreeSet<String> expected = listed.stream()
                    .filter(i -> withSelf || !viewer.expectedIdentity().matches(i.getIdentity()))
                    .map(i -> byIdentity ? i.getIdentity() : i.getName()).collect(Collectors.toCollection(TreeSet::new));
            TreeSet<String> shown = viewer.session().participants().stream().map(l -> byIdentity ? l.identity() : l.name())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(shown).as("%s's participant list (LiveKit lists %s)", viewer.name(), expected).isEqualTo(expected);
        });
    }
}
