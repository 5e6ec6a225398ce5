package dev.livecheck.evidence;

import io.qameta.allure.listener.StepLifecycleListener;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;

/**
 * Puts the test's Allure steps on its timeline ("client clicks join on booking 101"): registered with Allure as a
 * lifecycle listener (META-INF/services), it records only while a timeline is recorded on the step's thread.
 */
public final class StepJournal implements StepLifecycleListener {
    /** Allure starts a step named "step" and names it in an update just after: the step is recorded once it has its name. */
    private static final String UNNAMED = "step";
    /** Steps on a timeline and still running (by identity; removed when they stop). */
    private static final java.util.Set<StepResult> RECORDED = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    @Override
    public void beforeStepStart(StepResult step) {
        record(step);
    }

    @Override
    public void afterStepUpdate(StepResult step) {
        record(step);
    }

    private static void record(StepResult step) {
        String name = step.getName();
        if (name == null || name.equals(UNNAMED) || step.getStop() != null) {
            return;
        }
        synchronized (RECORDED) {
            if (!RECORDED.add(step)) {
                return;
            }
        }
        Timeline.current().ifPresent(t -> t.add(t.whoOf(name), "step", name));
    }

    @Override
    public void afterStepStop(StepResult step) {
        synchronized (RECORDED) {
            RECORDED.remove(step);
        }
        if (step.getStatus() == Status.FAILED || step.getStatus() == Status.BROKEN) {
            Timeline.current().ifPresent(t -> t.add(t.whoOf(step.getName()), "step", step.getStatus().value() + ": " + step.getName()));
        }
    }
}
