package dev.livecheck.check;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.ConsoleLog;
import dev.livecheck.browser.Participant;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.profile.NamePattern;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The join itself: the page lands on the session, gets into the room in time, and LiveKit lists the participant. */
public final class Joining {
    private Joining() {
    }

    /** After the join click: on the session's page, in the room within the app's timeout, the join logged where the app logs it, on LiveKit. */
    public static void awaitJoined(Participant p, AppUnderTest app, Rooms rooms) {
        Presence.awaitInRoom(p, app.connectTimeout());
        String live = p.profile().liveSession();
        assertThat(p.currentPath().replaceFirst("[?#].*$", "")).as("%s's page after the join", p.name())
                .isEqualTo(p.profile().sessionPath(live).replaceFirst("[?#].*$", ""));
        Optional<NamePattern> started = p.profile().conventions().consoleLine("joinStarted", Map.of("session", live));
        started.ifPresent(line -> assertThat(p.console().lines()).extracting(ConsoleLog.Line::message)
                .as("%s's console: the join started (%s)", p.name(), line).anyMatch(line::foundIn));
        Presence.awaitServerLists(rooms, p);
    }

    /**
     * For a join already made (a scenario's call): it took at most the app's timeout from the click to the room, the
     * page is the session's, the join is logged where the app logs it, and LiveKit lists the participant.
     */
    public static void assertJoined(Participant p, Duration took, AppUnderTest app, Rooms rooms) {
        Shortfall.measured(() -> assertThat(took).as("%s's time from click to in the room (the app's timeout)", p.name())
                .isLessThanOrEqualTo(app.connectTimeout()));
        String live = p.profile().liveSession();
        assertThat(p.currentPath().replaceFirst("[?#].*$", "")).as("%s's page after the join", p.name())
                .isEqualTo(p.profile().sessionPath(live).replaceFirst("[?#].*$", ""));
        Optional<NamePattern> started = p.profile().conventions().consoleLine("joinStarted", Map.of("session", live));
        started.ifPresent(line -> assertThat(p.console().lines()).extracting(ConsoleLog.Line::message)
                .as("%s's console: the join started (%s)", p.name(), line).anyMatch(line::foundIn));
        Presence.awaitServerLists(rooms, p);
    }

    /** For a join already made: in the room within {@code limit} of the click, and listed by LiveKit. */
    public static void assertConnectedWithin(Participant p, Duration took, Duration limit, Rooms rooms) {
        io.qameta.allure.Allure.addAttachment(p.name() + " — connection time", "text/plain", took.toMillis() + " ms from click to connected (limit "
                + limit.toMillis() + " ms)");
        Shortfall.measured(() -> assertThat(took).as("%s's time from click to in the room", p.name()).isLessThanOrEqualTo(limit));
        Presence.awaitServerLists(rooms, p);
    }

    /** In the room within {@code limit} of the click, and listed by LiveKit. */
    public static void awaitConnectedWithin(Participant p, Duration limit, Rooms rooms) {
        Duration took = Presence.awaitInRoom(p, limit);
        Shortfall.measured(() -> assertThat(took).as("%s's time from click to in the room", p.name()).isLessThanOrEqualTo(limit));
        Presence.awaitServerLists(rooms, p);
    }
}
