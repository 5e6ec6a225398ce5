package dev.livecheck.junit;

import dev.livecheck.machine.QuietMachine;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * What a {@link Scenario} changes in a test's life: its browsers, call and hold on the machine belong to the class
 * (kept from its first test to its end), its evidence to itself (a window from its start), and a broken call ends
 * the class's later tests as not run, naming the test where it broke.
 */
final class Scenarios {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Scenarios.class);
    /** The Allure label on a test not run because its scenario's call broke: the value names where and why, once for all. */
    public static final String NOT_RUN_LABEL = "notRunBecause";

    private Scenarios() {
    }

    /**
     * A test of a {@link Scenario} class, unless {@code livecheck.scenarios=false}: then each test sets up a call of its
     * own to the stage it needs (one call per item, as before scenarios: the benchmark's "before", or an item alone).
     */
    static boolean isScenario(ExtensionContext context) {
        return context.getTestClass().map(c -> c.isAnnotationPresent(Scenario.class)).orElse(false)
                && dev.livecheck.config.Settings.fromSystem().getBoolean("livecheck.scenarios", true);
    }

    /** Where the test's run lives: the class for a scenario, else the test itself. */
    static ExtensionContext owner(ExtensionContext context) {
        return isScenario(context) ? context.getParent().orElse(context) : context;
    }

    /** One share of the machine for the whole scenario: its call runs between its tests too. */
    static void holdTheMachine(ExtensionContext context) {
        owner(context).getStore(NS).getOrComputeIfAbsent("machine", k -> {
            QuietMachine.Hold hold = QuietMachine.shared();
            return (AutoCloseable) hold::close;
        }, AutoCloseable.class);
    }

    /** Before a scenario's test: not run when the call broke; else its own evidence window from now on. */
    static void before(ExtensionContext context, TestRun run) {
        ExtensionContext.Store store = owner(context).getStore(NS);
        boolean first = store.get("tests", Integer.class) == null;
        store.put("tests", first ? 1 : store.get("tests", Integer.class) + 1);
        if (!first) {
            run.beginWindow();
        }
        run.existingCall().ifPresent(call -> {
            call.broken().ifPresent(why -> {
                io.qameta.allure.Allure.label(NOT_RUN_LABEL, why);
                throw new TestAbortedException("not run: " + why);
            });
            call.observedBy(context.getDisplayName());
        });
    }

    /** The test now observing the call, once the call exists (a test's first parameter may create it). */
    static void observing(ExtensionContext context, Call call) {
        call.observedBy(context.getDisplayName());
    }

    /** After a scenario's test that passed: the call must still be whole, or this test broke it (and fails saying so). */
    static java.util.Optional<AssertionError> after(TestRun run) {
        try {
            run.existingCall().ifPresent(Call::checkStillWhole);
            return java.util.Optional.empty();
        } catch (AssertionError broke) {
            return java.util.Optional.of(broke);
        }
    }

    /**
     * After a scenario's test that failed: whether it also broke the call is recorded (its own failure is what it
     * reports); a test that changes the call leaves it in a state nobody knows, so the call counts as broken by it.
     */
    static void afterFailure(ExtensionContext context, TestRun run, Throwable failure) {
        after(run);
        if (context.getRequiredTestMethod().isAnnotationPresent(ChangesTheCall.class)) {
            run.existingCall().ifPresent(call -> call.leftUnknown(failure));
        }
    }

    /** Whether every test of the scenario so far passed (its browsers go back to the pool only then). */
    static void recordOutcome(ExtensionContext context, boolean passed) {
        if (!passed) {
            owner(context).getStore(NS).put("failed", true);
        }
    }

    static boolean allPassed(ExtensionContext classContext) {
        return classContext.getStore(NS).get("failed", Boolean.class) == null;
    }
}
