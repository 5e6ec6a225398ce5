package dev.livecheck.check;

import dev.livecheck.browser.Participant;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.pages.SessionPage;
import io.qameta.allure.Allure;
import livekit.LivekitModels;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who is in the room: as each page shows it, and as LiveKit itself lists it. */
public final class Presence {
    private Presence() {
    }

    /** Waits until the page is in the room (alone or not) and returns the time since the join click. */
    public static Duration awaitInRoom(Participant p, Duration limit) {
        Instant clicked = p.joinClickedAt().orElseThrow(() -> new IllegalStateException(p.name() + " never clicked join"));
        Waits.waitUntil(p.name() + "'s page connected to the room (left \"Connecting…\")", limit)
                .untilAsserted(() -> assertThat(p.session().isInRoom())
                        .as("%s's page in the room (state %s, status text \"%s\")", p.name(), p.session().state(), p.session().statusText())
                        .isTrue());
        Duration took = Duration.between(clicked, Instant.now());
        Allure.addAttachment(p.name() + " — connection time", "text/plain", took.toMillis() + " ms from click to connected (limit " + limit.toMillis() + " ms)");
        return took;
    }

    /** The viewer's page lists the other participant with their role and shows them, not "Waiting for…". */
    public static void awaitPageShows(Participant viewer, Participant other) {
        Waits.waitUntil(viewer.name() + "'s page shows " + other.name() + " (" + other.identity() + ")")
                .untilAsserted(() -> {
                    SessionPage page = viewer.session();
                    assertThat(page.participants()).as("%s's participant list", viewer.name())
                            .contains(new SessionPage.Listed(other.identity(), other.role().id()));
                    assertThat(page.state()).as("%s's session state (status \"%s\")", viewer.name(), page.statusText()).isEqualTo("connected");
                    assertThat(page.showsRemoteTileOf(other.identity())).as("%s's page shows a tile for %s", viewer.name(), other.identity()).isTrue();
                });
    }

    public static void awaitEachSeesTheOther(Participant a, Participant b) {
        awaitPageShows(a, b);
        awaitPageShows(b, a);
    }

    /** LiveKit lists every participant in the room, with identity and role metadata. */
    public static void awaitServerLists(Rooms rooms, String room, Participant... participants) {
        Waits.waitUntil("LiveKit lists " + Arrays.toString(participants) + " in room " + room)
                .untilAsserted(() -> {
                    List<LivekitModels.ParticipantInfo> listed = rooms.participants(room);
                    for (Participant p : participants) {
                        assertThat(listed).as("participants LiveKit lists in %s", room)
                                .anySatisfy(info -> {
                                    assertThat(info.getIdentity()).isEqualTo(p.identity());
                                    assertThat(Metadata.role(info.getMetadata())).as("role in metadata %s", info.getMetadata()).isEqualTo(p.role().id());
                                });
                    }
                });
    }

    /** LiveKit no longer lists the participant in the room. */
    public static void awaitServerDropped(Rooms rooms, String room, Participant p) {
        Waits.waitUntil("LiveKit no longer lists " + p.identity() + " in room " + room)
                .untilAsserted(() -> assertThat(rooms.participants(room)).extracting(LivekitModels.ParticipantInfo::getIdentity)
                        .doesNotContain(p.identity()));
    }

    /** The viewer's page no longer shows the participant. */
    public static void awaitPageDropped(Participant viewer, Participant gone) {
        Waits.waitUntil(viewer.name() + "'s page no longer shows " + gone.identity())
                .untilAsserted(() -> {
                    assertThat(viewer.session().participants()).extracting(SessionPage.Listed::identity).doesNotContain(gone.identity());
                    assertThat(viewer.session().showsRemoteTileOf(gone.identity())).isFalse();
                });
    }
}
