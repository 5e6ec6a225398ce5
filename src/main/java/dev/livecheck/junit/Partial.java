package dev.livecheck.junit;

import io.qameta.allure.Allure;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A check that, for this app, can verify only part of what its checklist line asks — a URL the harness typed itself,
 * no console lines to read, no recording file to decode — says so: the test still passes or fails on what it checked,
 * and the gate reports a pass as "passed — partial: why", counted apart. The run's record ({@link RunRecorder}) carries
 * it, not an Allure label (which a nested launcher may put on another test); the label is for people reading Allure.
 */
public final class Partial {
    public static final String LABEL = "partial";
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final Map<String, String> WHY = new ConcurrentHashMap<>();

    private Partial() {
    }

    /** This test checks its item only in part, for {@code why}. Outside a livecheck test, only the Allure label. */
    public static void because(String why) {
        Allure.label(LABEL, why);
        String test = CURRENT.get();
        if (test != null) {
            WHY.merge(test, why, (a, b) -> a.contains(b) ? a : a + "; " + b);
        }
    }

    /** The test running on this thread (livecheck's extension, before each test). */
    static void begin(String uniqueId) {
        CURRENT.set(uniqueId);
        WHY.remove(uniqueId);
    }

    static void end() {
        CURRENT.remove();
    }

    /** What the test said, taken once its result is in. */
    static Optional<String> take(String uniqueId) {
        return Optional.ofNullable(WHY.remove(uniqueId));
    }
}
