package dev.livecheck.check;

import dev.livecheck.browser.Participant;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.pages.SessionPage;
import dev.livecheck.profile.Feature;
import dev.livecheck.profile.ParticipantList;
import dev.livecheck.profile.SessionState;
import io.qameta.allure.Allure;
import livekit.LivekitModels;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Who is in the room: as each page shows it, and as LiveKit itself lists it. */
public final class Presence {
    private Presence() {
    }

    /**
     * Waits until the page is in the room (alone or not) and returns the time since the join click. A page that
     * settles on an error has given up: that fails at once, with its message, instead of at the end of the wait.
     */
    public static Duration awaitInRoom(Participant p, Duration limit) {
        Instant clicked = p.joinClickedAt().orElseThrow(() -> new IllegalStateException(p.name() + " never clicked join"));
        Waits.waitUntil(p.name() + "'s page connected to the room", limit)
                .failFast(p.name() + "'s page gave up joining with an error", Waits.settledOn(() -> p.session().state() == SessionState.ERROR,
                        () -> p.session().errorMessage()))
                .untilAsserted(() -> assertThat(p.session().isInRoom())
                        .as("%s's page in the room (state %s, status \"%s\")", p.name(), p.session().state(), p.session().statusText())
                        .isTrue());
        Duration took = Duration.between(clicked, Instant.now());
        Allure.addAttachment(p.name() + " — connection time", "text/plain", took.toMillis() + " ms from click to connected (limit " + limit.toMillis() + " ms)");
        return took;
    }

    /** The viewer's page lists the other participant (with their role, where the app has roles), shows their tile, and is connected. */
    public static void awaitPageShows(Participant viewer, Participant other) {
        Waits.waitUntil(viewer.name() + "'s page shows " + other.name() + " (" + other + ")")
                .untilAsserted(() -> {
                    SessionPage page = viewer.session();
                    viewer.profile().participantList().ifPresent(list ->
                            assertThat(page.participants()).as("%s's participant list", viewer.name()).anySatisfy(listed -> isListed(listed, other, list)));
                    assertThat(page.state()).as("%s's session state (status \"%s\")", viewer.name(), page.statusText()).hasToString("connected");
                    if (viewer.profile().locator("session.remoteTile").isPresent()) {
                        assertThat(page.showsRemoteTileOf(other.asPerson())).as("%s's page shows a tile for %s", viewer.name(), other).isTrue();
                    }
                });
    }

    /** The page lists this person: by identity where the list shows identities, else by display name; with their role where the app has roles. */
    private static void isListed(SessionPage.Listed listed, Participant other, ParticipantList list) {
        if (list.identity().isPresent()) {
            assertThat(listed.identity()).as("identity listed").isEqualTo(other.identity());
        } else {
            assertThat(listed.name()).as("name listed").isEqualTo(other.displayName());
        }
        if (list.role().isPresent() && other.profile().offers(Feature.ROLES)) {
            assertThat(listed.role()).as("role listed for %s", listed.identity()).isEqualTo(other.roleName());
        }
    }

    /** Alone in the room, the page says it is waiting for the other side (in the app's words, where the profile gives them). */
    public static void awaitWaitingFor(Participant absent, Participant viewer) {
        Optional<String> words = viewer.profile().text("session.waiting").map(t -> t.replace("{otherRole}", absent.roleName()));
        Waits.waitUntil(viewer.name() + "'s page waits for " + absent.name() + words.map(w -> " (\"" + w + "\")").orElse(""))
                .untilAsserted(() -> {
                    assertThat(viewer.session().state()).as("%s's session state", viewer.name()).hasToString("waiting");
                    words.ifPresent(w -> assertThat(viewer.session().statusText()).as("%s's status", viewer.name()).isEqualTo(w));
                });
    }

    public static void awaitEachSeesTheOther(Participant a, Participant b) {
        awaitPageShows(a, b);
        awaitPageShows(b, a);
    }

    /**
     * LiveKit lists every participant in one room of the session (the app's room convention), each with an
     * identity that follows the convention and, where the app keeps roles, their role.
     */
    public static void awaitServerLists(Rooms rooms, Participant... participants) {
        Waits.waitUntil("LiveKit lists " + Arrays.toString(participants) + " in one room " + participants[0].room())
                .untilAsserted(() -> {
                    String room = null;
                    for (Participant p : participants) {
                        Optional<ServerView.Listed> listed = ServerView.find(rooms, p);
                        assertThat(listed).as("%s (identity %s) in a room %s; LiveKit lists %s", p.name(), p.expectedIdentity(), p.room(),
                                rooms.participantsIn(name -> true).entrySet()).isPresent();
                        if (p.profile().offers(Feature.ROLES)) {
                            assertThat(ServerView.roleOf(p, listed.get().info())).as("%s's role (%s) in %s", p.name(), p.profile().conventions().role(),
                                    describe(listed.get().info())).isEqualTo(p.roleName());
                        }
                        assertThat(room == null || room.equals(listed.get().room())).as("%s is in room %s, the others in %s", p.name(), listed.get().room(), room).isTrue();
                        room = listed.get().room();
                    }
                });
    }

    /** The one who stayed sees the leave: LiveKit drops them, the page drops their tile and waits for them again. */
    public static void awaitLeaveSeen(Participant stayed, Participant left, Rooms rooms) {
        awaitPageDropped(stayed, left);
        awaitServerDropped(rooms, left);
        awaitWaitingFor(left, stayed);
    }

    /** The one who stayed sees the return: both pages and LiveKit show both, and the call has media both ways. */
    public static void awaitReturnSeen(Participant stayed, Participant returned, Rooms rooms) {
        awaitEachSeesTheOther(stayed, returned);
        awaitServerLists(rooms, stayed, returned);
        MediaFlow.awaitMediaBothWays(stayed, returned);
    }

    /** LiveKit no longer lists the participant. */
    public static void awaitServerDropped(Rooms rooms, Participant p) {
        String identity = p.identity();
        Waits.waitUntil("LiveKit no longer lists " + identity)
                .untilAsserted(() -> assertThat(ServerView.everyoneInSession(rooms, p)).extracting(LivekitModels.ParticipantInfo::getIdentity)
                        .doesNotContain(identity));
    }

    /** The viewer's page no longer shows the participant. */
    public static void awaitPageDropped(Participant viewer, Participant gone) {
        SessionPage.Person person = gone.asPerson();
        Waits.waitUntil(viewer.name() + "'s page no longer shows " + gone)
                .untilAsserted(() -> {
                    List<SessionPage.Listed> listed = viewer.session().participants();
                    assertThat(listed).as("%s's participant list", viewer.name())
                            .noneMatch(l -> l.identity().equals(person.identity()) || (l.identity().isEmpty() && l.name().equals(person.name())));
                    assertThat(viewer.session().showsRemoteTileOf(person)).as("%s's page shows a tile for %s", viewer.name(), gone).isFalse();
                });
    }

    static String describe(LivekitModels.ParticipantInfo info) {
        return info.getIdentity() + " metadata=" + info.getMetadata() + " attributes=" + info.getAttributesMap();
    }
}
