package dev.livecheck.evidence;

import org.awaitility.core.ConditionEvaluationListener;
import org.awaitility.core.EvaluatedCondition;
import org.awaitility.core.IgnoredException;
import org.awaitility.core.StartEvaluationEvent;
import org.awaitility.core.TimeoutEvent;

import java.util.Locale;

/** Puts a named wait on the test's timeline: when it began, and whether it was met or timed out, after how long. */
public final class WaitJournal implements ConditionEvaluationListener<Object> {
    private final Timeline timeline;
    private final String what;
    private final ConditionEvaluationListener<Object> next;
    private boolean waiting;

    private WaitJournal(Timeline timeline, String what, ConditionEvaluationListener<Object> next) {
        this.timeline = timeline;
        this.what = what;
        this.next = next;
    }

    /**
     * A listener for the wait named {@code what}, created on the test's thread: journals it when a timeline is being
     * recorded there, and hands every event on to {@code next} (which may be null); null when neither is needed.
     */
    public static ConditionEvaluationListener<Object> around(String what, ConditionEvaluationListener<Object> next) {
        return Timeline.current().<ConditionEvaluationListener<Object>>map(t -> new WaitJournal(t, what, next)).orElse(next);
    }

    @Override
    public void beforeEvaluation(StartEvaluationEvent<Object> event) {
        synchronized (this) {
            if (!waiting) {
                waiting = true;
                timeline.add("", "wait", "waits for " + what);
            }
        }
        if (next != null) {
            next.beforeEvaluation(event);
        }
    }

    @Override
    public void conditionEvaluated(EvaluatedCondition<Object> condition) {
        if (next != null) {
            next.conditionEvaluated(condition);
        }
        if (condition.isSatisfied()) {
            finish("met: " + what + " after " + seconds(condition.getElapsedTimeInMS()));
        }
    }

    @Override
    public void onTimeout(TimeoutEvent event) {
        if (next != null) {
            next.onTimeout(event);
        }
        finish("TIMED OUT: " + what + " after " + seconds(event.getElapsedTimeInMS()));
    }

    @Override
    public void exceptionIgnored(IgnoredException event) {
        if (next != null) {
            next.exceptionIgnored(event);
        }
    }

    private void finish(String text) {
        synchronized (this) {
            if (!waiting) {
                return;
            }
            waiting = false;
        }
        timeline.add("", "wait", text);
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
