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

    public static ConditionFactory waitUntil(String what, Duration atMost) {
        // a browser that went away mid-wait (or a page mid-navigation) still ends in a timeout that names the wait
        return await(what).atMost(atMost).pollInterval(Duration.ofMillis(250)).pollDelay(Duration.ZERO)
                .ignoreExceptionsMatching(e -> e instanceof org.openqa.selenium.WebDriverException);
    }
}
