package dev.livecheck.gate;

import java.util.Locale;

/**
 * What the gate concluded about a checklist item, ordered from best to worst.
 *
 * <p>When several tests check one item the worst status wins. PARTIAL: every expected test passed, but for this app
 * at least one could check only part of what the item asks (a URL the harness typed itself, no console lines, no
 * recording file to decode): it lets the release through and is counted apart, never as a plain pass.
 * NOT_APPLICABLE: the app's profile says the app does not offer what the item checks (no login, no recording…), with
 * a reason the run checked where it could; it does not block the release but is counted apart, never as passed.
 * INCONCLUSIVE: the machine, not the app, kept a test from judging (its harness measured the environment, e.g. CPU
 * starved, and said so): never releasable, but ranked below every verdict on the app, so an item with a failed test is
 * FAILED. MISSING: an expected test did not run at all (named, with why); it ranks below the verdicts of tests that did
 * run, so a failure is never hidden behind a test that was not selected — the missing ones are still named beside it.
 * FLAKY: over repeated attempts some passed and some did not. BROKEN ranks above FAILED because a broken test never
 * reached its assertion: the item is unverified and the harness itself needs attention. Every status but PASSED,
 * PARTIAL and NOT_APPLICABLE blocks the release.
 */
public enum ItemStatus {
    PASSED, PARTIAL, NOT_APPLICABLE, INCONCLUSIVE, SKIPPED, MISSING, FLAKY, FAILED, BROKEN;

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

    /** As verdict.json writes it: {@code passed}, {@code partial}, {@code not applicable}, {@code inconclusive}… */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Lets the release through: passed (in full or partially), or not applicable to this app. */
    public boolean releasable() {
        return this == PASSED || this == PARTIAL || this == NOT_APPLICABLE;
    }

    /** A test that ran to its end and passed (in full or partially). */
    boolean passedTest() {
        return this == PASSED || this == PARTIAL;
    }
}
