package dev.livecheck.junit;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.app.AppVariant;
import dev.livecheck.browser.BrowserOptions;
import dev.livecheck.browser.Participant;
import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;
import dev.livecheck.evidence.TimeSpent;
import dev.livecheck.gate.Checklist;
import dev.livecheck.gate.ChecklistItem;
import dev.livecheck.gate.GateInputException;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.machine.QuietMachine;
import dev.livecheck.media.Role;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Hands checklist tests their fixtures as parameters and cleans up after each test. See {@link LiveCheck}. */
public final class LivecheckExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LivecheckExtension.class);
    private static final List<Class<?>> RESOLVABLE = List.of(Participant.class, LiveKitServer.class, AppUnderTest.class, Rooms.class,
            Participants.class, Environment.class, Call.class);

    /**
     * Run-wide: one Environment for all suites, closed when the run ends. When classes run concurrently
     * ({@link Concurrency}) each test class gets its own (its own LiveKit, app and rooms).
     */
    static Environment environment(ExtensionContext context) {
        Settings settings = Settings.fromSystem();
        boolean concurrent = context.getConfigurationParameter("junit.jupiter.execution.parallel.enabled").map(Boolean::parseBoolean).orElse(false)
                && Concurrency.decide(settings).classes() > 1;
        ExtensionContext owner = concurrent ? classContext(context) : context.getRoot();
        return owner.getStore(NS).getOrComputeIfAbsent("environment", k -> new CloseableEnvironment(Environment.start(settings)),
                CloseableEnvironment.class).environment;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private record CloseableEnvironment(Environment environment) implements AutoCloseable {
        @Override
        public void close() {
            environment.close();
        }
    }

    /** The checklist's item ids, read once: a test naming an id that isn't there fails before anything starts. */
    private static Set<String> checklistIds(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("checklist", k -> {
            Path file = Path.of(Settings.fromSystem().getOr("livecheck.testdata", "testdata")).resolve("checklist.md");
            try {
                return Checklist.readOrBuiltIn(file).items().stream().map(ChecklistItem::id).collect(Collectors.toUnmodifiableSet());
            } catch (GateInputException e) {
                throw new LivecheckException(e.getMessage());
            }
        }, Set.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Partial.begin(context.getUniqueId());
        TimeSpent.begin(context.getDisplayName(), context.getTestMethod().map(m -> m.getAnnotation(Checks.class))
                .map(c -> List.of(c.value())).orElse(List.of()), context.getParent().map(ExtensionContext::getDisplayName).orElse(""));
        if (Scenarios.isScenario(context)) {
            Scenarios.holdTheMachine(context);
        } else {
            holdTheMachine(context);
        }
        context.getTestMethod().map(m -> m.getAnnotation(Checks.class)).ifPresent(checks -> {
            Set<?> known = checklistIds(context);
            for (String id : checks.value()) {
                if (!known.contains(id)) {
                    throw new LivecheckException("@Checks(\"" + id + "\") on " + context.getRequiredTestMethod().getName()
                            + ": testdata/checklist.md has no item " + id + " — fix the id or add the item to the checklist");
                }
            }
            // the "checklist" labels come from @Checks itself (an Allure label annotation), whatever listener writes the results
            Allure.label("tag", String.join(" ", checks.value()));
        });
        // before the class's call: looking at what the app lacks joins (and then deletes) the live session's room
        classContext(context).getStore(NS).getOrComputeIfAbsent("claims-looked-at",
                k -> NotApplicableClaims.lookBeforeTheCall(environment(context), context.getRequiredTestClass()), Boolean.class);
        Needs needs = context.getRequiredTestMethod().getAnnotation(Needs.class);
        if (needs != null) {
            for (dev.livecheck.profile.Feature feature : needs.value()) {
                // the profile's word, held against the app where the app can show the feature
                NotApplicableClaims.hold(environment(context), feature);
            }
        }
        TestRun run = TimeSpent.time(TimeSpent.Part.SETUP, () -> testRun(context));
        if (Scenarios.isScenario(context)) {
            Scenarios.before(context, run);
        }
    }

    /**
     * A test that measures holds the machine alone; every other shares it (QuietMachine), taken before its environment
     * or browsers start so that their start-up can't overlap a measurement. Let go when the test's store closes, after
     * its evidence and clean-up.
     */
    private static void holdTheMachine(ExtensionContext context) {
        boolean alone = EnvironmentJudge.quietMachine(context.getRequiredTestMethod());
        java.time.Instant asked = java.time.Instant.now();
        QuietMachine.Hold hold = TimeSpent.time(TimeSpent.Part.SETUP, () -> alone ? QuietMachine.alone() : QuietMachine.shared());
        context.getStore(NS).put("machine", (AutoCloseable) hold::close);
        java.time.Duration waited = java.time.Duration.between(asked, java.time.Instant.now());
        if (waited.toMillis() >= 2000) {
            System.out.printf(java.util.Locale.ROOT, "[livecheck]       %s waited %.1f s %s%n", context.getDisplayName(), waited.toMillis() / 1000.0,
                    alone ? "for the machine to itself (other tests were running)" : "while a test that measures had the machine to itself");
        }
    }

    /** A shortfall on a machine busy with others' work ends inconclusive (environment), with the measured reason. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (failure instanceof org.junit.jupiter.api.extension.ParameterResolutionException && failure.getCause() instanceof TestAbortedException notRun) {
            throw notRun; // a participant this test can't have here (e.g. not yet on Firefox): not run, not broken
        }
        TestRun run = context.getStore(NS).get("run", TestRun.class);
        if (run == null || failure instanceof TestAbortedException) {
            throw failure;
        }
        throw EnvironmentJudge.judge(run, failure, EnvironmentJudge.quietMachine(context.getRequiredTestMethod()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Partial.end();
        TestRun run = context.getStore(NS).get("run", TestRun.class);
        if (run != null) {
            boolean scenario = Scenarios.isScenario(context);
            java.util.Optional<Throwable> failure = context.getExecutionException().filter(e -> !(e instanceof TestAbortedException));
            java.util.Optional<AssertionError> callBroke = scenario && context.getExecutionException().isEmpty() ? Scenarios.after(run) : java.util.Optional.empty();
            java.util.Optional<AssertionError> broke = callBroke.or(() -> context.getExecutionException().isEmpty()
                    ? SecretsSeen.inAnyBrowser(run) : java.util.Optional.empty());
            if (scenario && failure.isPresent()) {
                Scenarios.afterFailure(context, run, failure.get());
            }
            // a scenario's test not run (the call broke, or not applicable) has nothing of its own to show
            boolean notRun = scenario && context.getExecutionException().filter(TestAbortedException.class::isInstance).isPresent();
            TimeSpent.time(TimeSpent.Part.CLEANUP, () -> {
                try {
                    if (!notRun) {
                        run.attachEvidence(failure.or(() -> broke), EnvironmentJudge.quietMachine(context.getRequiredTestMethod()));
                    }
                } finally {
                    if (scenario) {
                        Scenarios.recordOutcome(context, context.getExecutionException().isEmpty() && broke.isEmpty());
                    } else {
                        run.close(context.getExecutionException().isEmpty() && broke.isEmpty());
                    }
                }
            });
            TimeSpent.current().ifPresent(spent -> Allure.addAttachment("time spent", "text/plain",
                    spent.end(Path.of(Settings.fromSystem().getOr("livecheck.work", "target/livecheck")))));
            broke.ifPresent(b -> {
                throw b;
            });
            return;
        }
        TimeSpent.current().ifPresent(spent -> Allure.addAttachment("time spent", "text/plain",
                spent.end(Path.of(Settings.fromSystem().getOr("livecheck.work", "target/livecheck")))));
    }

    private TestRun testRun(ExtensionContext context) {
        return Scenarios.owner(context).getStore(NS).getOrComputeIfAbsent("run", k -> newRun(context), TestRun.class);
    }

    private TestRun newRun(ExtensionContext context) {
        Environment env = environment(context);
        WithReferenceApp own = context.getRequiredTestMethod().getAnnotation(WithReferenceApp.class);
        if (own == null || (own.orExternalApp() && !env.isReferenceApp())) {
            return new TestRun(env, env.app(), false);
        }
        AppVariant base = env.app().variant().orElseThrow(() -> new TestAbortedException(
                "needs the reference app started with settings of its own (" + describe(own) + "); the app under test is external"));
        if (Settings.fromSystem().getBoolean("livecheck.realTimeouts", false)) {
            // the nightly run: the app's own promised timeout, not a shortened one
            return new TestRun(env, env.app(), false);
        }
        AppVariant variant = base.withConnectTimeoutMs(own.connectTimeoutMs() > 0 ? own.connectTimeoutMs() : base.connectTimeoutMs());
        return new TestRun(env, env.startReferenceApp(variant), true);
    }

    private static String describe(WithReferenceApp own) {
        List<String> parts = new java.util.ArrayList<>();
        if (own.connectTimeoutMs() > 0) {
            parts.add("connection timeout " + own.connectTimeoutMs() + " ms");
        }
        return String.join(", ", parts);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return RESOLVABLE.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        TestRun run = testRun(extension);
        Class<?> type = parameter.getParameter().getType();
        Environment env = run.environment();
        boolean onTheCall = Scenarios.isScenario(extension)
                || Arrays.stream(extension.getRequiredTestMethod().getParameterTypes()).anyMatch(Call.class::equals);
        if (type == Call.class || (type == Participant.class && onTheCall)) {
            Call call = run.call((name, role) -> new Participants(run).start(name, role));
            Scenarios.observing(extension, call);
            if (type == Call.class) {
                return call;
            }
            return roleOf(parameter.getParameter()) == Role.PROVIDER ? call.provider() : call.client();
        }
        if (type == Participant.class) {
            return participants(run, extension).get(parameter.getParameter().getName());
        }
        if (type == LiveKitServer.class) {
            return env.livekit();
        }
        if (type == AppUnderTest.class) {
            return run.app();
        }
        if (type == Rooms.class) {
            return env.livekit().rooms();
        }
        if (type == Participants.class) {
            return new Participants(run);
        }
        return env;
    }

    /** Starts all of the test's participant browsers at once (in parallel: each takes seconds). */
    @SuppressWarnings("unchecked")
    private Map<String, Participant> participants(TestRun run, ExtensionContext extension) {
        return (Map<String, Participant>) extension.getStore(NS).getOrComputeIfAbsent("participants", k -> {
            Parameter[] params = Arrays.stream(extension.getRequiredTestMethod().getParameters())
                    .filter(p -> p.getType() == Participant.class).toArray(Parameter[]::new);
            Map<String, CompletableFuture<Participant>> starting = new ConcurrentHashMap<>();
            for (Parameter p : params) {
                Role role = roleOf(p);
                BrowserOptions base = run.environment().browserOptions();
                BrowserOptions denying = p.isAnnotationPresent(DeniedMedia.class) ? base.denying(p.getAnnotation(DeniedMedia.class).value()) : base;
                BrowserOptions faults = p.isAnnotationPresent(NetworkFaults.class) ? denying.withNetworkPath() : denying;
                BrowserOptions options = p.isAnnotationPresent(Measured.class) ? faults.withTimestampedMedia() : faults;
                starting.put(p.getName(), CompletableFuture.supplyAsync(() -> new Participants(run).start(p.getName(), role, options)));
            }
            // wait for every browser, so one that fails to start can't leave another starting behind our back
            TimeSpent.time(TimeSpent.Part.BROWSER_START, () ->
                    CompletableFuture.allOf(starting.values().toArray(CompletableFuture[]::new)).handle((ok, failure) -> null).join());
            for (CompletableFuture<Participant> f : starting.values()) {
                if (f.isCompletedExceptionally()) {
                    Throwable cause = f.handle((p, t) -> t instanceof CompletionException c ? c.getCause() : t).join();
                    throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
                }
            }
            return starting.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().join()));
        });
    }

    private static Role roleOf(Parameter p) {
        if (!p.isNamePresent()) {
            throw new ParameterResolutionException("compile with -parameters so livecheck can tell provider from client by parameter name");
        }
        Function<String, Boolean> named = p.getName()::startsWith;
        if (named.apply("provider")) {
            return Role.PROVIDER;
        }
        if (named.apply("client")) {
            return Role.CLIENT;
        }
        throw new ParameterResolutionException("Participant parameter '" + p.getName() + "' must be named provider… or client…");
    }
}
