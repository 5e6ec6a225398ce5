package dev.livecheck.junit;

import dev.livecheck.redact.Redactor;
import org.opentest4j.AssertionFailedError;

/** A failure with its messages redacted, causes included, so no token or secret reaches a report through a stack trace. */
final class Redacted extends RuntimeException {
    private Redacted(String message, Throwable cause) {
        super(message, cause);
    }

    /** Reads as the failure it copies ({@code java.lang.IllegalStateException: …}) in a stack trace. */
    @Override
    public String toString() {
        return getMessage();
    }

    /** Whether any message in the chain holds a token (whole or a piece of one) or a registered secret. */
    static boolean leaks(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !Redactor.redact(c.getMessage()).equals(c.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** A copy of the chain, each message redacted and each stack kept: an assertion stays an assertion (failed), anything else is broken. */
    static Throwable copyOf(Throwable t) {
        if (t == null) {
            return null;
        }
        Throwable cause = t.getCause() == t ? null : copyOf(t.getCause());
        String message = Redactor.redact(t.getMessage());
        Throwable copy = t instanceof AssertionError ? new AssertionFailedError(message, cause)
                : new Redacted(t.getClass().getName() + (message == null ? "" : ": " + message), cause);
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }
}
