package dev.livecheck.gate;

import java.util.Locale;

/**
 * What the gate concluded about a checklist item, ordered from best to worst.
 *
 * <p>When several tests check one item the worst status wins. BROKEN ranks above FAILED because a
 * broken test never reached its assertion: the item is unverified and the harness itself needs
 * attention. MISSING ranks worst: nothing ran at all. Every status but PASSED blocks the release.
 */
public enum ItemStatus {
    PASSED, SKIPPED, FAILED, BROKEN, MISSING;

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
        return name().toLowerCase(Locale.ROOT);
    }
}
