package dev.livecheck.evidence;

import io.qameta.allure.listener.StepLifecycleListener;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;

/**
 * Puts the test's Allure steps on its timeline ("client clicks join on booking 101"): registered with Allure as a
 * lifecycle listener (META-INF/services), it records only while a timeline is recorded on the step's thread.
 */
public final class StepJournal implements StepLifecycleListener {
    @Override
    public void beforeStepStart(StepResult step) {
        Timeline.current().ifPresent(t -> t.add(t.whoOf(step.getName()), "step", step.getName()));
    }

    @Override
    public void afterStepStop(StepResult step) {
        if (step.getStatus() == Status.FAILED || step.getStatus() == Status.BROKEN) {
            Timeline.current().ifPresent(t -> t.add(t.whoOf(step.getName()), "step", step.getStatus().value() + ": " + step.getName()));
        }
    }
}
