package dev.livecheck.gate;

import java.util.List;

/**
 * One test an item expects, as this run left it: its status over its attempts (qualified by the run's record: not
 * applicable, partial), or why it has none — not selected, nightly-only, or not in the code at all.
 *
 * @param inScope false for a nightly-only test this run did not select: shown, counted apart, never held against the item
 * @param note    why it is missing, or what else the reader should know of it; null when nothing
 */
public record TestLine(String test, String name, boolean nightly, boolean inScope, ItemStatus status, String note, List<TestResult> attempts) {
    static final String NIGHTLY_NOT_RUN = "nightly-only, not in this run";

    public TestLine {
        attempts = List.copyOf(attempts);
    }

    static TestLine nightlyNotRun(RunRecord.Test t) {
        return new TestLine(t.test(), t.name(), true, false, null, NIGHTLY_NOT_RUN, List.of());
    }

    static TestLine missing(RunRecord.Test t, String why) {
        return new TestLine(t.test(), t.name(), t.nightly(), true, ItemStatus.MISSING, why, List.of());
    }

    TestLine withNote(String newNote) {
        return new TestLine(test, name, nightly, inScope, status, newNote, attempts);
    }

    /** {@code ErrorPathsIT.aBlockedCameraIsHandled}: the class's simple name and the method, as the code names it. */
    String shortName() {
        int method = test.lastIndexOf('.');
        int cls = method > 0 ? test.lastIndexOf('.', method - 1) : -1;
        return test.substring(cls + 1);
    }

    /** As verdict.json lists it: the status's label, or "nightly-only, not in this run". */
    String label() {
        return inScope ? status.label() : NIGHTLY_NOT_RUN;
    }

    /** e.g. {@code ErrorPathsIT.x (not in this run: not selected)}. */
    String describe() {
        return shortName() + (note == null ? "" : " (" + note + ")");
    }
}
