package dev.livecheck.junit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Prints which checklist test runs, n of N, and the elapsed time, so a long run shows where it is. */
public final class ProgressListener implements TestExecutionListener {
    private final AtomicInteger started = new AtomicInteger();
    private final Map<String, Instant> startedAt = new ConcurrentHashMap<>();
    private volatile long total;
    private volatile Instant runStarted = Instant.now();

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        runStarted = Instant.now();
        total = plan.countTestIdentifiers(t -> t.isTest() && isChecklistTest(t));
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest() && isChecklistTest(test)) {
            startedAt.put(test.getUniqueId(), Instant.now());
            System.out.printf("[livecheck] %d/%d %s (elapsed %s)%n", started.incrementAndGet(), total, test.getDisplayName(), since(runStarted));
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Instant start = startedAt.remove(test.getUniqueId());
        if (start != null) {
            System.out.printf("[livecheck]       %s: %s in %s%n", test.getDisplayName(), result.getStatus(), since(start));
        }
    }

    private static boolean isChecklistTest(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance)
                .map(s -> ((MethodSource) s).getJavaMethod().isAnnotationPresent(Checks.class)).orElse(false);
    }

    private static String since(Instant start) {
        Duration d = Duration.between(start, Instant.now());
        return d.toMinutes() > 0 ? d.toMinutes() + "m" + d.toSecondsPart() + "s" : d.toSecondsPart() + "." + d.toMillisPart() / 100 + "s";
    }
}
