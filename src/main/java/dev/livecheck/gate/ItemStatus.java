package dev.livecheck.gate;

import java.util.Locale;

/**
 * What the gate concluded about a checklist item, ordered from best to worst.
 *
 * <p>When several tests check one item the worst status wins. NOT_APPLICABLE: the app's profile says the app
 * does not offer what the item checks (no login, no recording…), with a reason; it does not block the
 * release but is counted apart, never as passed. FLAKY: over repeated attempts some passed and some did not.
 * BROKEN ranks above FAILED because a broken test never
 * reached its assertion: the item is unverified and the harness itself needs attention. MISSING ranks
 * worst: nothing ran at all. Every other status blocks the release.
 */
public enum ItemStatus {
    PASSED, NOT_APPLICABLE, SKIPPED, FLAKY, FAILED, BROKEN, MISSING;

    /** Maps an Allure result status; anything unrecognised counts as broken, never as passed. */
    static ItemStatus fromAllure(String status) {
        if (status == null) {
            return BROKEN;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "passed" -> PASSED;
            case "skipped" -> SKIPPED;
            case "failed" -> FAILED;
            default -> BROKEN;
        };
    }

    ItemStatus worse(ItemStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Lets the release through: passed, or not applicable to this app. */
    public boolean releasable() {
        return this == PASSED || this == NOT_APPLICABLE;
    }
}
