package dev.livecheck.junit;

import dev.livecheck.browser.Participant;
import dev.livecheck.redact.Redactor;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.util.List;

/**
 * How a test's failure reads, wherever it lands (Maven's console, the failsafe XML, Allure, the checklist):
 * <ul>
 *   <li>A wait that runs out, or stops early because the page gave up, is a check that failed — what was awaited did not
 *   happen — not a broken test; its message names the wait, what its last attempt found and what each browser's page
 *   showed at the end ({@link LastSeen}), never Awaitility's "condition with Lambda expression … was not fulfilled".</li>
 *   <li>No token or secret, whole or in part, in any failure: a message or cause that holds one is replaced by a
 *   redacted copy (same status: an assertion stays failed, anything else broken), its stack kept.</li>
 * </ul>
 */
final class TimeoutsFail implements TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace LIVECHECK = ExtensionContext.Namespace.create(LivecheckExtension.class);

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (throwable instanceof ConditionTimeoutException timeout) {
            AssertionFailedError failed = new AssertionFailedError(LastSeen.timeout(timeout.getMessage(), timeout.getCause(), pages(context)),
                    Redacted.copyOf(timeout));
            failed.setStackTrace(timeout.getStackTrace());
            throw failed;
        }
        if (throwable instanceof TerminalFailureException gaveUp) {
            // a wait that stopped early because the page gave up (e.g. settled on an error)
            String pagesSeen = LastSeen.pages(pages(context));
            AssertionFailedError failed = new AssertionFailedError(Redactor.redact(gaveUp.getMessage()
                    + (gaveUp.getCause() != null ? ": " + gaveUp.getCause().getMessage() : "") + (pagesSeen.isEmpty() ? "" : " — last seen: " + pagesSeen)),
                    Redacted.copyOf(gaveUp));
            failed.setStackTrace(gaveUp.getStackTrace());
            throw failed;
        }
        if (!(throwable instanceof TestAbortedException) && !(throwable instanceof Inconclusive) && Redacted.leaks(throwable)) {
            throw Redacted.copyOf(throwable);
        }
        throw throwable;
    }

    private static List<Participant> pages(ExtensionContext context) {
        TestRun run = context.getStore(LIVECHECK).get("run", TestRun.class);
        return run == null ? List.of() : run.participants();
    }
}
