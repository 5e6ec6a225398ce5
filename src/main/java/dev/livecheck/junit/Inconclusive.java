package dev.livecheck.junit;

import io.qameta.allure.Allure;

/**
 * The machine, not the app, kept a test from a verdict — measured, e.g. LiveKit logged high CPU load during the window
 * and the sender was CPU-limited most of it. Allure records it as broken with the label {@value #LABEL} (the reason,
 * one line); the gate reports the item INCONCLUSIVE (environment), never releasable and never the app's failure, and
 * the bug matrix never counts it as a detection. Only what measured the environment should end a test so.
 */
public final class Inconclusive extends RuntimeException {
    public static final String LABEL = dev.livecheck.gate.ResultsFolder.INCONCLUSIVE_LABEL;

    private final String reason;

    private Inconclusive(String reason) {
        super("inconclusive (environment): " + reason);
        this.reason = reason;
    }

    private Inconclusive(String reason, Throwable shortfall) {
        super("inconclusive (environment): " + reason + " — so this is no verdict on the app. What fell short: "
                + dev.livecheck.redact.Redactor.redact(firstLine(shortfall)), shortfall);
        this.reason = reason;
    }

    /**
     * Ends the test as inconclusive: {@code shortfall} (kept as the cause, its stack with it) happened on a machine measured
     * busy with others' work, for {@code reason}.
     */
    public static Inconclusive because(String reason, Throwable shortfall) {
        String line = dev.livecheck.redact.Redactor.redact(reason.strip().lines().findFirst().orElse(reason));
        Allure.label(LABEL, line);
        return new Inconclusive(line, shortfall);
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse(message);
    }

    /** Ends the test as inconclusive for {@code reason} (one line: what was measured). */
    public static Inconclusive because(String reason) {
        String line = dev.livecheck.redact.Redactor.redact(reason.strip().lines().findFirst().orElse(reason));
        Allure.label(LABEL, line);
        return new Inconclusive(line);
    }

    public String reason() {
        return reason;
    }

    /** Whether {@code failure} (or what caused it) is an inconclusive ending. */
    public static boolean isIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Inconclusive) {
                return true;
            }
        }
        return false;
    }
}
