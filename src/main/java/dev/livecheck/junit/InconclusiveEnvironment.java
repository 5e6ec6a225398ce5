package dev.livecheck.junit;

import dev.livecheck.redact.Redactor;

/**
 * A measurement fell short while the machine was measured busy with something that was not this test: the app was
 * not given the room to be judged, so the test says so instead of failing. Not an assertion error, so Allure records
 * it as broken; the label {@value #LABEL} carries the measured reason to the release gate, which counts the item as
 * inconclusive (environment) — never passed — and says to rerun with fewer at once or on a larger machine.
 */
public final class InconclusiveEnvironment extends RuntimeException {
    /** The Allure label the release gate reads (its value: the measured reason). */
    public static final String LABEL = "inconclusive";

    private final String reason;

    InconclusiveEnvironment(String reason, Throwable failure) {
        super("inconclusive (environment): " + reason + " — so this is no verdict on the app. What fell short: "
                + Redactor.redact(firstLine(failure)), failure);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse(message);
    }
}
