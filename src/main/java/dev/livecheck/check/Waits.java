package dev.livecheck.check;

import dev.livecheck.config.Settings;
import dev.livecheck.evidence.TimeSpent;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** The one place wait budgets are set. Every wait names what it awaits, so a timeout says what didn't happen. */
public final class Waits {
    private Waits() {
    }

    /** How long presence and media may take to show up: {@code livecheck.timeout.seconds} (30 by default). */
    public static Duration presence() {
        return Duration.ofSeconds(Settings.fromSystem().getInt("livecheck.timeout.seconds", 30));
    }

    public static ConditionFactory waitUntil(String what) {
        return waitUntil(what, presence());
    }

    /** How long a page must stay in a state before a wait takes it as the page's last word (a click's re-render is quicker). */
    static final Duration SETTLED = Duration.ofSeconds(2);

    /**
     * A fail-fast check: throws, naming what the page says ({@code why}), once {@code condition} has held for
     * {@link #SETTLED} without a break.
     */
    public static org.awaitility.core.ThrowingRunnable settledOn(java.util.function.BooleanSupplier condition,
                                                                 java.util.function.Supplier<String> why) {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> since = new java.util.concurrent.atomic.AtomicReference<>();
        return () -> {
            boolean holds;
            try {
                holds = condition.getAsBoolean();
            } catch (org.openqa.selenium.WebDriverException e) {
                holds = false;
            }
            if (!holds) {
                since.set(null);
                return;
            }
            since.compareAndSet(null, java.time.Instant.now());
            if (Duration.between(since.get(), java.time.Instant.now()).compareTo(SETTLED) >= 0) {
                String reason;
                try {
                    reason = why.get();
                } catch (RuntimeException e) {
                    reason = "";
                }
                throw new AssertionError("the page says \"" + reason + "\"");
            }
        };
    }

    /**
     * A "never" (or an "all along"): {@code check} must pass at every look, four a second, for the whole window. The
     * first look that fails ends the wait at once with what it saw; a state that breaks and comes back is not forgiven,
     * as Awaitility's {@code during} would (it restarts its window).
     */
    public static void throughout(String what, Duration window, org.awaitility.core.ThrowingRunnable check) {
        java.time.Instant end = java.time.Instant.now().plus(window);
        inherent(what + " (watched for " + window.toSeconds() + " s)", window.plusSeconds(10))
                .failFast(what + ": broken within the window", check)
                .until(() -> !java.time.Instant.now().isBefore(end));
    }

    public static ConditionFactory waitUntil(String what, Duration atMost) {
        return waitFor(what, atMost, TimeSpent.Part.WAITING);
    }

    /**
     * A wait a check must sit out whatever the app does — the app's own timeout, an outage, a window media must keep
     * flowing for: timed apart from waiting for the app, so the benchmark can tell them apart.
     */
    public static ConditionFactory inherent(String what, Duration atMost) {
        return waitFor(what, atMost, TimeSpent.Part.INHERENT);
    }

    private static ConditionFactory waitFor(String what, Duration atMost, TimeSpent.Part part) {
        ConditionFactory wait = await(what).atMost(atMost).pollInterval(Duration.ofMillis(250)).pollDelay(Duration.ZERO)
                // a browser that went away mid-wait (or a page mid-navigation) still ends in a timeout that names the wait
                .ignoreExceptionsMatching(e -> e instanceof org.openqa.selenium.WebDriverException);
        // a wait inside a timed step (opening a page, say) is that step's time already
        org.awaitility.core.ConditionEvaluationListener<Object> listener = dev.livecheck.evidence.WaitJournal.around(what,
                TimeSpent.current().filter(spent -> !TimeSpent.insideAPart())
                        .<org.awaitility.core.ConditionEvaluationListener<Object>>map(spent -> new WaitClock(spent, part)).orElse(null));
        return listener == null ? wait : wait.conditionEvaluationListener(listener);
    }

    /**
     * Counts a wait's whole time to its part (waiting for the app, or inherent). The probes it polls with run on
     * Awaitility's thread, so they are not counted again as probes.
     */
    private static final class WaitClock implements org.awaitility.core.ConditionEvaluationListener<Object> {
        private final TimeSpent spent;
        private final TimeSpent.Part part;
        private boolean done;

        WaitClock(TimeSpent spent, TimeSpent.Part part) {
            this.spent = spent;
            this.part = part;
        }

        @Override
        public void conditionEvaluated(org.awaitility.core.EvaluatedCondition<Object> condition) {
            if (condition.isSatisfied()) {
                finish(condition.getElapsedTimeInMS());
            }
        }

        @Override
        public void onTimeout(org.awaitility.core.TimeoutEvent event) {
            finish(event.getElapsedTimeInMS());
        }

        private synchronized void finish(long elapsedMs) {
            if (done) {
                return;
            }
            done = true;
            spent.add(part, Duration.ofMillis(elapsedMs));
        }
    }
}
