package dev.livecheck.check;

import dev.livecheck.browser.Participant;
import dev.livecheck.check.ErrorWording.Action;
import dev.livecheck.check.ErrorWording.Problem;
import io.qameta.allure.Allure;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app keeps its promise about connecting: when the join cannot complete, the page leaves "Connecting…"
 * for an error within the connection timeout the app promises (plus a small grace), offers Try Again and
 * Go Back, and Try Again gets in once the fault is gone — instead of an endless "Connecting…".
 */
public final class ConnectionTimeout {
    /** Scheduling, rendering and polling between the app's own timer firing and the error being seen. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private ConnectionTimeout() {
    }

    /** Waits for the error from the join click; returns how long it took. */
    public static Duration awaitError(Participant p, Duration promised) {
        Instant clicked = p.joinActedAt().orElseThrow(() -> new IllegalStateException(p.name() + " never clicked join"));
        // named for what the app must do, not for a "Connecting…" it may never have shown: a timeout adds what the page showed
        Waits.inherent(p.name() + "'s page shows an error within the promised " + promised.toMillis() + " ms + "
                        + GRACE.toSeconds() + " s of the join click", promised.plus(GRACE).minus(Duration.between(clicked, Instant.now())))
                .until(() -> p.session().showsError());
        Duration took = Duration.between(clicked, Instant.now());
        Allure.addAttachment(p.name() + " — time to error", "text/plain", took.toMillis() + " ms from the click reaching the page (promised "
                + promised.toMillis() + " ms; " + Duration.between(p.joinClickedAt().orElse(clicked), clicked).toMillis()
                + " ms from the harness's click to the page's): " + p.session().errorMessage());
        // too early is the app's alone (no load makes a timer fire sooner); too late may be a busy machine's
        assertThat(took).as("time from click to the error (the app promises %d ms)", promised.toMillis()).isGreaterThanOrEqualTo(promised);
        Shortfall.measured(() -> assertThat(took).as("time from click to the error (the app promises %d ms)", promised.toMillis())
                .isLessThanOrEqualTo(promised.plus(GRACE)));
        assertThat(p.session().offersTryAgain()).as("\"Try Again\" offered").isTrue();
        assertThat(p.session().offersGoBack()).as("\"Go Back\" offered").isTrue();
        ErrorWording.assertActionable(p.name(), p.session().errorTitle() + " " + p.session().errorMessage(), Set.of(Action.TRY_AGAIN),
                p.profile(), Set.of(Problem.CONNECTION, Problem.NETWORK), Set.of(Action.TRY_AGAIN, Action.CHECK_NETWORK));
        return took;
    }

    /** With the fault gone, Try Again gets the participant into the room within the promised time. */
    public static void tryAgainJoins(Participant p, Duration promised) {
        Allure.step(p.name() + " clicks Try Again", () -> {
            p.markJoinStarted();
            p.session().tryAgain();
            Presence.awaitInRoom(p, promised);
        });
    }

    /** With the fault gone, Try Again brings the call back: in the room, and media both ways with the other side. */
    public static void tryAgainBringsTheCallBack(Participant p, Participant other, Duration promised) {
        tryAgainJoins(p, promised);
        Presence.awaitEachSeesTheOther(other, p);
        MediaFlow.awaitMediaBothWays(other, p);
    }
}
