package dev.livecheck.check;

import dev.livecheck.config.Settings;
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

    public static ConditionFactory waitUntil(String what, Duration atMost) {
        // a browser that went away mid-wait (or a page mid-navigation) still ends in a timeout that names the wait
        return await(what).atMost(atMost).pollInterval(Duration.ofMillis(250)).pollDelay(Duration.ZERO)
                .ignoreExceptionsMatching(e -> e instanceof org.openqa.selenium.WebDriverException);
    }
}
