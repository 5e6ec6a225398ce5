package dev.livecheck.check;

import org.awaitility.core.ConditionFactory;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** The one place wait budgets are set. Every wait names what it awaits, so a timeout says what didn't happen. */
public final class Waits {
    /** How long presence and media may take to show up once both are in the room. */
    public static final Duration PRESENCE = Duration.ofSeconds(Long.getLong("livecheck.timeout.seconds", 30));

    private Waits() {
    }

    public static ConditionFactory waitUntil(String what) {
        return waitUntil(what, PRESENCE);
    }

    public static ConditionFactory waitUntil(String what, Duration atMost) {
        // a browser that went away mid-wait (or a page mid-navigation) still ends in a timeout that names the wait
        return await(what).atMost(atMost).pollInterval(Duration.ofMillis(250)).pollDelay(Duration.ZERO)
                .ignoreExceptionsMatching(e -> e instanceof org.openqa.selenium.WebDriverException);
    }
}
