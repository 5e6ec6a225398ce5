package dev.livecheck.checklist;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.Consultation;
import dev.livecheck.check.ConnectionQuality;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.Presence;
import dev.livecheck.check.ServerView;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.TimingSensitive;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.Needs;
import dev.livecheck.junit.NetworkFaults;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.media.MediaCatalog;
import dev.livecheck.net.Impairment;
import dev.livecheck.pages.SessionPage;
import dev.livecheck.profile.Feature;
import io.qameta.allure.Allure;
import livekit.LivekitModels;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.livecheck.check.Waits.waitUntil;
import static dev.livecheck.profile.Feature.CONNECTION_QUALITY;
import static dev.livecheck.profile.Feature.PARTICIPANT_LIST;
import static org.assertj.core.api.Assertions.assertThat;

/** What a session offers (the seed's "Features Available"), seen from the other side. */
@LiveCheck
@Tag("features")
@DisplayName("Features")
class FeaturesIT {

    @Test
    @Checks("F-01")
    @DisplayName("F-01 Mute and unmute are heard by the other side")
    void muteAndUnmuteAreHeardByTheOtherSide(Participant provider, Participant client, Rooms rooms) {
        Consultation.joinBoth(provider, client);
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
    @Checks("F-02")
    @DisplayName("F-02 Camera off and on are seen by the other side")
    void cameraOffAndOnAreSeenByTheOtherSide(Participant provider, Participant client, Rooms rooms) {
        Consultation.joinBoth(provider, client);
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
    @Checks("F-03")
    @DisplayName("F-03 Each tile shows the right person's name (and role)")
    void eachTileShowsTheRightPersonsName(Participant provider, Participant client) {
        Consultation.joinBoth(provider, client);

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
    @Checks("F-04")
    @Needs(PARTICIPANT_LIST)
    @DisplayName("F-04 The participant list follows who is in the room")
    void theParticipantListFollowsWhoIsInTheRoom(Participant provider, Participant client, Rooms rooms, AppUnderTest app) {
        provider.logInAndJoin();
        Presence.awaitInRoom(provider, app.connectTimeout());
        awaitListMatchesLiveKit(provider, rooms, "the provider alone");

        client.logInAndJoin();
        Presence.awaitEachSeesTheOther(provider, client);
        awaitListMatchesLiveKit(provider, rooms, "the client joined");
        awaitListMatchesLiveKit(client, rooms, "the client joined");

        client.session().leave();
        Presence.awaitServerDropped(rooms, client);
        awaitListMatchesLiveKit(provider, rooms, "the client left");

        client.rejoin();
        Presence.awaitEachSeesTheOther(provider, client);
        awaitListMatchesLiveKit(provider, rooms, "the client came back");
    }

    @Test
    @Checks("F-05")
    @TimingSensitive
    @Needs(CONNECTION_QUALITY)
    @DisplayName("F-05 Connection quality is shown, and drops on a bad network")
    void connectionQualityIsShownAndDropsOnABadNetwork(Participant provider, @NetworkFaults Participant client, Rooms rooms) {
        Consultation.joinBoth(provider, client);
        waitUntil("the provider's page shows the client's connection quality").untilAsserted(() ->
                assertThat(provider.session().connectionQualityOf(client.asPerson())).as("quality shown for the client").isIn("excellent", "good"));

        Allure.step("the client's network loses 15 % of its packets and is capped at 300 kbit/s", () ->
                client.network().impair(Impairment.none().withLoss(0.15).withRate(300_000)));
        ConnectionQuality.awaitServerRatesBelowExcellent(client, provider, rooms);
        ConnectionQuality.awaitPageShowsBelowExcellent(client, provider);
        client.network().restore();
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
