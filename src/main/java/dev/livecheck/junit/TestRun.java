package dev.livecheck.junit;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.BrowserOptions;
import dev.livecheck.browser.Participant;
import dev.livecheck.config.Settings;
import dev.livecheck.browser.CallSample;
import dev.livecheck.evidence.CallEvidence;
import dev.livecheck.evidence.Evidence;
import dev.livecheck.evidence.MachineEvidence;
import dev.livecheck.machine.MachineLoad;
import dev.livecheck.evidence.FailureStory;
import dev.livecheck.media.FakeMedia;
import dev.livecheck.profile.Account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** What one test started: its browsers, possibly an app of its own. Evidence first, then everything closed. */
final class TestRun implements AutoCloseable {
    private final Environment environment;
    private final AppUnderTest app;
    private final boolean ownApp;
    private int logMark;
    private final List<Participant> participants = new CopyOnWriteArrayList<>();
    private FailureStory story;
    private volatile Call call;
    private final Object callLock = new Object();
    private final Map<Participant, List<CallSample>> calls = new java.util.concurrent.ConcurrentHashMap<>();
    private boolean closed;

    TestRun(Environment environment, AppUnderTest app, boolean ownApp) {
        this.environment = environment;
        this.app = app;
        this.ownApp = ownApp;
        this.logMark = environment.livekit().log().mark();
        this.story = FailureStory.begin(environment.livekit().log(), logMark, Settings.fromSystem());
        dev.livecheck.machine.MachineSampler.running(); // sampling from the test's first second
    }

    Environment environment() {
        return environment;
    }

    /**
     * A scenario's next test: its own evidence from here on (timeline, LiveKit's log, consoles, calls and the machine
     * since now), the same browsers and call.
     */
    synchronized void beginWindow() {
        story.close();
        logMark = environment.livekit().log().mark();
        story = FailureStory.begin(environment.livekit().log(), logMark, Settings.fromSystem());
        participants.forEach(story::watch);
        calls.clear();
    }

    /**
     * The scenario's call: the provider and the client, their browsers started at once on first use.
     */
    Call call(java.util.function.BiFunction<String, dev.livecheck.media.Role, Participant> starter) {
        synchronized (callLock) { // not this run's own lock: starting a browser takes it
            return startedCall(starter);
        }
    }

    private Call startedCall(java.util.function.BiFunction<String, dev.livecheck.media.Role, Participant> starter) {
        if (call == null) {
            java.util.concurrent.CompletableFuture<Participant> client = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> starter.apply("client", dev.livecheck.media.Role.CLIENT));
            Participant provider = starter.apply("provider", dev.livecheck.media.Role.PROVIDER);
            Participant c = client.join();
            call = new Call(provider, c, app, environment.livekit().rooms());
        }
        return call;
    }

    Optional<Call> existingCall() {
        return Optional.ofNullable(call);
    }

    AppUnderTest app() {
        return app;
    }

    /** The browsers the test started, for a failure to say what each showed. */
    List<Participant> participants() {
        return List.copyOf(participants);
    }

    Participant start(String name, Account account, FakeMedia media, BrowserOptions options) {
        Participant p = new Participant(name, account, media, app, environment.livekit().rooms(), environment.browserPool(), options,
                options.networkPath() ? java.util.Optional.of(environment.newNetworkPath()) : java.util.Optional.empty());
        synchronized (this) {
            if (closed) {
                p.close();
                throw new IllegalStateException("the test ended while " + name + "'s browser was starting");
            }
            participants.add(p);
        }
        story.watch(p);
        // SEC-04 in every test: every answer the browser gets, from its first page on, read for the API secret
        String secret = environment.livekit().credentials().apiSecret();
        p.traffic().watchResponses(body -> body.contains(secret));
        return p;
    }

    /** What the machine did from the test's start until now, attributed to this test's browsers and to everything else. */
    Optional<MachineLoad> machineLoad() {
        return MachineLoad.of(story.started(), Instant.now(), participants.stream().map(p -> p.browserProfile().toString()).toList());
    }

    /** Each page's call over time, read once (a page that navigates later starts its samples again). */
    Map<Participant, List<CallSample>> callSamples() {
        for (Participant p : participants) {
            calls.computeIfAbsent(p, k -> k.isOpen() ? k.probe().callSamples() : List.of());
        }
        return calls;
    }

    /** e.g. "provider's video encoder was limited by cpu for 12 of 30 s; …", or "". */
    String encoderLimits() {
        return callSamples().entrySet().stream().map(e -> CallEvidence.encoderLimits(e.getKey().name(), e.getValue(), story.started()))
                .filter(s -> !s.isEmpty()).collect(java.util.stream.Collectors.joining("; "));
    }

    /** After a failure, its story first: the timeline and every participant's last frames. Then, for every test, the machine and the calls. */
    void attachEvidence(Optional<Throwable> failure, boolean quietMachine) {
        Optional<MachineLoad> load = machineLoad();
        Map<Participant, List<CallSample>> calls = callSamples();
        String nodes = participants.stream().filter(p -> p.gridNode().isPresent())
                .map(p -> p.name() + "'s browser on " + p.gridNode().get()).collect(java.util.stream.Collectors.joining(", "));
        if (!nodes.isEmpty()) {
            io.qameta.allure.Allure.step("Selenium Grid: " + nodes); // which test ran where, in its own result
        }
        if (failure.isPresent()) {
            story.addEvents(MachineEvidence.events(load));
            calls.forEach((p, samples) -> story.addEvents(CallEvidence.events(p.name(), samples, story.started())));
            story.attach(participants, failure.get());
        }
        participants.forEach(p -> Evidence.attachParticipant(p, story.started()));
        calls.forEach((p, samples) -> CallEvidence.attach(p.name(), samples, story.started()));
        MachineEvidence.attach(load, quietMachine);
        Evidence.attachServerLog(environment.livekit().log(), logMark);
    }

    @Override
    public void close() {
        close(false);
    }

    /** After a passed test its browsers go back to the pool; after a failed one they are quit. */
    synchronized void close(boolean testPassed) {
        if (closed) {
            return;
        }
        closed = true;
        story.close();
        participants.forEach(p -> p.close(testPassed));
        cleanRooms();
        if (ownApp) {
            app.close();
        }
    }

    /** The next test starts from an empty server; on an external deployment only the live session's rooms are removed. */
    private void cleanRooms() {
        try {
            if (environment.livekit().mode() == dev.livecheck.livekit.LiveKitMode.EXTERNAL) {
                environment.livekit().rooms().matching(app.profile().liveRoom()::matches)
                        .forEach(r -> environment.livekit().rooms().delete(r.getName()));
            } else {
                environment.livekit().rooms().deleteAll();
            }
        } catch (RuntimeException e) {
            System.err.println("livecheck: could not clean LiveKit rooms: " + e.getMessage());
        }
    }
}
