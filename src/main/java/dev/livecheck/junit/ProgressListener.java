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

/**
 * Prints which checklist test runs, n of N, the elapsed time and how many run at once, so a long run shows
 * where it is; at the end, the most that ran at once (what {@link Concurrency} allowed, seen).
 */
public final class ProgressListener implements TestExecutionListener {
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
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
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            System.out.printf("[livecheck] %d/%d %s (elapsed %s%s)%n", started.incrementAndGet(), total, test.getDisplayName(), since(runStarted),
                    now > 1 ? ", " + now + " at once" : "");
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Instant start = startedAt.remove(test.getUniqueId());
        if (start != null) {
            running.decrementAndGet();
            String status = result.getThrowable().filter(Inconclusive::isIn).isPresent()
                    ? "INCONCLUSIVE (environment: " + result.getThrowable().get().getMessage().replaceFirst("^inconclusive \\(environment\\): ", "")
                    .replaceFirst(" — so this is no verdict.*$", "") + ")" : result.getStatus().toString();
            System.out.printf("[livecheck]       %s: %s in %s%n", test.getDisplayName(), status, since(start));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (started.get() > 0) {
            System.out.printf("[livecheck] %d checklist tests, at most %d at once; the run took %s%n", started.get(), mostAtOnce.get(), since(runStarted));
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
