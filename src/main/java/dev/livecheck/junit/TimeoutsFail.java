package dev.livecheck.junit;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;

/**
 * A wait that runs out, or stops early because the page gave up, is a check that failed — what was awaited did not happen — not a broken test. Reports
 * (Allure, the gate) then say "failed" with the wait's name and the last thing seen, as for any assertion.
 */
final class TimeoutsFail implements TestExecutionExceptionHandler {
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (throwable instanceof ConditionTimeoutException timeout) {
            AssertionFailedError failed = new AssertionFailedError(message(timeout), timeout);
            failed.setStackTrace(timeout.getStackTrace());
            throw failed;
        }
        if (throwable instanceof TerminalFailureException gaveUp) {
            // a wait that stopped early because the page gave up (e.g. settled on an error)
            AssertionFailedError failed = new AssertionFailedError(gaveUp.getMessage()
                    + (gaveUp.getCause() != null ? ": " + gaveUp.getCause().getMessage() : ""), gaveUp);
            failed.setStackTrace(gaveUp.getStackTrace());
            throw failed;
        }
        throw throwable;
    }

    /** The wait's own message, and what the last attempt saw (the assertion inside an untilAsserted). */
    private static String message(ConditionTimeoutException timeout) {
        Throwable cause = timeout.getCause();
        return cause != null && cause.getMessage() != null && !timeout.getMessage().contains(cause.getMessage().strip())
                ? timeout.getMessage() + " — last seen: " + cause.getMessage().strip() : timeout.getMessage();
    }
}
