package dev.livecheck.junit;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.Presence;
import dev.livecheck.evidence.Together;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.profile.AppProfile;
import dev.livecheck.profile.Feature;
import io.qameta.allure.Allure;
import org.opentest4j.TestAbortedException;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one call a {@link Scenario}'s tests observe: the provider and the client, brought step by step to the stage a
 * test needs, in the checklist's order. Each step is done once, in the test that first needs it, and timed there;
 * what a step measured (how long each took to connect, whether the provider was seen waiting) is kept for the tests
 * that judge it. A step that fails breaks the call: that test fails with the cause, every later test is not run.
 */
public final class Call {
    /** How far the call has come, in order. */
    public enum Stage {
        SIGNED_IN("both signed in"),
        BOOKINGS_OPEN("both on their bookings"),
        PROVIDER_IN_ROOM("the provider joined the live session"),
        PROVIDER_WAITING("the provider waits for the client"),
        CLIENT_IN_ROOM("the client joined the live session"),
        EACH_SEES_THE_OTHER("each sees the other");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The checklist's own limit for a connection; a join step waits for the longer of it and the app's timeout. */
    static final Duration CHECKLIST_CONNECT = Duration.ofSeconds(30);

    private final Participant provider;
    private final Participant client;
    private final AppUnderTest app;
    private final Rooms rooms;
    private final Map<Stage, Boolean> reached = new EnumMap<>(Stage.class);
    private final Map<String, Duration> connectedAfter = new java.util.HashMap<>();
    private volatile String test = "";
    private volatile String broken;

    Call(Participant provider, Participant client, AppUnderTest app, Rooms rooms) {
        this.provider = provider;
        this.client = client;
        this.app = app;
        this.rooms = rooms;
    }

    public Participant provider() {
        return provider;
    }

    public Participant client() {
        return client;
    }

    /** Brings the call to {@code stage}, doing each step not yet done; a step that fails breaks the call. */
    public synchronized Call reach(Stage stage) {
        requireWhole();
        for (Stage next : Stage.values()) {
            if (next.compareTo(stage) > 0) {
                break;
            }
            if (reached.containsKey(next)) {
                continue;
            }
            try {
                Allure.step("the call: " + next, () -> take(next));
            } catch (RuntimeException | AssertionError e) {
                breaks(next + " did not happen", e);
                throw e;
            }
            reached.put(next, true);
        }
        return this;
    }

    /** How long this participant took from the join click to the room, as measured when the call reached them. */
    public Duration connectedAfter(Participant p) {
        reach(p == provider ? Stage.PROVIDER_IN_ROOM : Stage.CLIENT_IN_ROOM);
        return connectedAfter.get(p.name());
    }

    private void take(Stage step) {
        AppProfile profile = app.profile();
        switch (step) {
            case SIGNED_IN -> {
                if (profile.offers(Feature.LOGIN)) {
                    Together.run(provider::logIn, client::logIn);
                }
            }
            case BOOKINGS_OPEN -> {
                if (profile.flow().join() == AppProfile.JoinVia.BOOKINGS) {
                    Together.run(provider::openBookings, client::openBookings);
                }
            }
            case PROVIDER_IN_ROOM -> join(provider);
            case PROVIDER_WAITING -> Presence.awaitWaitingFor(client, provider);
            case CLIENT_IN_ROOM -> join(client);
            case EACH_SEES_THE_OTHER -> Presence.awaitEachSeesTheOther(provider, client);
            default -> throw new IllegalStateException(step.name());
        }
    }

    private void join(Participant p) {
        p.joinLiveBooking();
        Duration limit = app.connectTimeout().compareTo(CHECKLIST_CONNECT) > 0 ? app.connectTimeout() : CHECKLIST_CONNECT;
        connectedAfter.put(p.name(), Presence.awaitInRoom(p, limit));
    }

    /** The test now observing the call (named when the call breaks). */
    void observedBy(String testName) {
        this.test = testName;
    }

    /** After a test: the call still whole — every page that joined still in the room, LiveKit still listing them. */
    synchronized void checkStillWhole() {
        if (broken != null || !reached.containsKey(Stage.PROVIDER_IN_ROOM)) {
            return;
        }
        boolean both = reached.containsKey(Stage.CLIENT_IN_ROOM);
        try {
            Waits.stillWhole(provider, both ? Optional.of(client) : Optional.empty(), rooms);
        } catch (RuntimeException | AssertionError e) {
            breaks("the call broke", e);
            throw new AssertionError("the shared call broke during this test (" + firstLine(e) + "): the tests after it are not run", e);
        }
    }

    /** A test that changed the call failed: what the call is now, nobody knows. */
    synchronized void leftUnknown(Throwable failure) {
        if (broken == null) {
            breaks("the call was left changed", failure);
        }
    }

    private void requireWhole() {
        if (broken != null) {
            Allure.label(Scenarios.NOT_RUN_LABEL, broken);
            throw new TestAbortedException("not run: " + broken);
        }
    }

    private void breaks(String what, Throwable cause) {
        broken = what + " in \"" + test + "\": " + firstLine(cause);
    }

    Optional<String> broken() {
        return Optional.ofNullable(broken);
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse(m);
    }

    /** The short wait that tells a whole call from a broken one between tests. */
    private static final class Waits {
        static void stillWhole(Participant provider, Optional<Participant> client, Rooms rooms) {
            dev.livecheck.check.Waits.waitUntil("the call still whole: both pages in the room, LiveKit listing them", Duration.ofSeconds(10))
                    .untilAsserted(() -> {
                        org.assertj.core.api.Assertions.assertThat(provider.session().isInRoom()).as("provider's page in the room").isTrue();
                        client.ifPresent(c -> org.assertj.core.api.Assertions.assertThat(c.session().isInRoom()).as("client's page in the room").isTrue());
                    });
            if (client.isPresent()) {
                Presence.awaitServerLists(rooms, provider, client.get());
            } else {
                Presence.awaitServerLists(rooms, provider);
            }
        }
    }
}
