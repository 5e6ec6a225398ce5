package dev.livecheck.junit;

import dev.livecheck.check.Shortfall;
import org.awaitility.core.ConditionTimeoutException;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a failed test failed the app or the machine failed it: a shortfall (a measured figure, a deadline,
 * a wait that ran out of time) on a machine measured busy with something that was not this test is inconclusive
 * (environment); every other failure, and every shortfall on a machine that had room, is the app's.
 */
final class EnvironmentJudge {
    private EnvironmentJudge() {
    }

    /** Time or quality the test fell short of — what a busy machine can cause as well as the app. */
    static boolean isShortfall(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof Shortfall || t instanceof ConditionTimeoutException || t instanceof org.openqa.selenium.TimeoutException
                    || t instanceof org.openqa.selenium.ScriptTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The failure as the test should end: itself, or inconclusive with the measured reason (and the Allure label for the gate). */
    static Throwable judge(TestRun run, Throwable failure, boolean quietMachine) {
        if (!isShortfall(failure)) {
            return failure;
        }
        Optional<String> overload = run.machineLoad().flatMap(load -> load.overload(quietMachine));
        if (overload.isEmpty()) {
            return failure;
        }
        String encoders = run.encoderLimits();
        String reason = overload.get() + (encoders.isEmpty() ? "" : "; " + encoders);
        return Inconclusive.because(reason, failure);
    }

    /** Whether the test (or its class) asks for a quiet machine. */
    static boolean quietMachine(java.lang.reflect.Method test) {
        return test.isAnnotationPresent(TimingSensitive.class) || test.getDeclaringClass().isAnnotationPresent(TimingSensitive.class);
    }

}
