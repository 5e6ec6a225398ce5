package dev.livecheck.matrix;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.junit.Checks;
import dev.livecheck.redact.Redactor;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs JUnit tests in this JVM with some system properties set for the run (a bug switched on, another
 * app, bad input), and reports each test's outcome. Used by the bug matrix and the harness's self-tests.
 */
public final class SuiteRunner {
    /** The tag of checklist suites too slow for every run (measured network scenarios): they run in the nightly job. */
    public static final String NIGHTLY = "nightly";

    private SuiteRunner() {
    }

    /** A checklist test of every run: an {@code *IT} method with {@link Checks}, in a class not tagged {@value #NIGHTLY}. */
    public static boolean everyRunChecklistTest(Method m) {
        return m.getDeclaringClass().getSimpleName().endsWith("IT") && m.isAnnotationPresent(Checks.class)
                && Arrays.stream(m.getDeclaringClass().getAnnotationsByType(org.junit.jupiter.api.Tag.class)).noneMatch(t -> t.value().equals(NIGHTLY));
    }

    /** A checklist test of the nightly run only: an {@code *IT} method with {@link Checks}, in a class tagged {@value #NIGHTLY}. */
    public static boolean nightlyChecklistTest(Method m) {
        return m.getDeclaringClass().getSimpleName().endsWith("IT") && m.isAnnotationPresent(Checks.class) && !everyRunChecklistTest(m);
    }

    /**
     * How one test ended. {@code items} are its {@link Checks} ids; {@code setupError} is true when it could not
     * run at all (bad configuration, a component that did not start), which is no verdict on the app; so is
     * {@code inconclusive}: a measurement fell short on a machine busy with others' work (Inconclusive).
     */
    public record Outcome(String test, Set<String> items, TestExecutionResult.Status status, String message, Duration took,
                          boolean setupError, boolean inconclusive) {
        public boolean passed() {
            return status == TestExecutionResult.Status.SUCCESSFUL;
        }

        /** The test ran and a check failed: the app's behaviour was judged and found wrong (not the machine: never inconclusive). */
        public boolean failedCheck() {
            return status == TestExecutionResult.Status.FAILED && !setupError && !inconclusive;
        }
    }

    /** Runs the tests one after the other (the matrix's bugs share one LiveKit; a self-test's case runs alone). */
    public static List<Outcome> run(List<? extends DiscoverySelector> selectors, Predicate<Method> include, Map<String, String> properties,
                                    TestExecutionListener... listeners) {
        return run(Map.of("junit.jupiter.execution.parallel.enabled", "false"), selectors, include, properties, listeners);
    }

    /** Runs test classes at once as {@code mvn verify} does ({@link dev.livecheck.junit.Concurrency}). */
    public static List<Outcome> runConcurrently(List<? extends DiscoverySelector> selectors, Predicate<Method> include,
                                                Map<String, String> properties, TestExecutionListener... listeners) {
        return run(dev.livecheck.junit.Concurrency.JUNIT_PARAMETERS, selectors, include, properties, listeners);
    }

    private static List<Outcome> run(Map<String, String> junit, List<? extends DiscoverySelector> selectors, Predicate<Method> include,
                                     Map<String, String> properties, TestExecutionListener... listeners) {
        PostDiscoveryFilter onlyIncluded = descriptor -> descriptor.getSource()
                .filter(MethodSource.class::isInstance)
                .map(s -> FilterResult.includedIf(include.test(((MethodSource) s).getJavaMethod())))
                .orElse(FilterResult.included("container"));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors.toArray(DiscoverySelector[]::new))
                .filters(onlyIncluded)
                .configurationParameters(junit)
                .build();
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        Map<String, Instant> started = new java.util.concurrent.ConcurrentHashMap<>();
        TestExecutionListener collect = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier test) {
                started.put(test.getUniqueId(), Instant.now());
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                test.getSource().filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getJavaMethod()).ifPresent(m -> {
                    Checks checks = m.getAnnotation(Checks.class);
                    Set<String> items = checks == null ? Set.of() : Arrays.stream(checks.value()).collect(Collectors.toSet());
                    String message = Redactor.redact(result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse(""));
                    boolean setupError = result.getThrowable().filter(t -> t instanceof LivecheckException
                            || t instanceof org.junit.jupiter.api.extension.ParameterResolutionException).isPresent();
                    boolean inconclusive = result.getThrowable().filter(dev.livecheck.junit.Inconclusive::isIn).isPresent();
                    outcomes.add(new Outcome(test.getDisplayName(), items, result.getStatus(), message,
                            Duration.between(started.getOrDefault(test.getUniqueId(), Instant.now()), Instant.now()), setupError, inconclusive));
                });
            }
        };
        List<TestExecutionListener> all = new ArrayList<>(List.of(listeners));
        all.add(collect);
        all.add(new dev.livecheck.grid.GridCapacity.EachRun()); // a nested run asks a Grid afresh, as a run of its own
        Map<String, String> previous = new HashMap<>();
        properties.forEach((k, v) -> previous.put(k, System.getProperty(k)));
        // Allure.label and Allure.addAttachment go to Allure's static lifecycle: the nested run's, so its labels and
        // attachments land on its own results, not on the test that runs it
        io.qameta.allure.AllureLifecycle outer = io.qameta.allure.Allure.getLifecycle();
        try {
            properties.forEach(SuiteRunner::setOrClear);
            all.stream().filter(io.qameta.allure.junitplatform.AllureJunitPlatform.class::isInstance).findFirst()
                    .ifPresent(allure -> io.qameta.allure.Allure.setLifecycle(((io.qameta.allure.junitplatform.AllureJunitPlatform) allure).getLifecycle()));
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                    .execute(request, all.toArray(TestExecutionListener[]::new));
        } finally {
            io.qameta.allure.Allure.setLifecycle(outer);
            previous.forEach(SuiteRunner::setOrClear);
        }
        return List.copyOf(outcomes);
    }

    private static void setOrClear(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
