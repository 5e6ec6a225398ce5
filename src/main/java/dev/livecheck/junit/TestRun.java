package dev.livecheck.junit;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.BrowserOptions;
import dev.livecheck.browser.Participant;
import dev.livecheck.config.Settings;
import dev.livecheck.evidence.Evidence;
import dev.livecheck.evidence.FailureStory;
import dev.livecheck.media.FakeMedia;
import dev.livecheck.profile.Account;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** What one test started: its browsers, possibly an app of its own. Evidence first, then everything closed. */
final class TestRun implements AutoCloseable {
    private final Environment environment;
    private final AppUnderTest app;
    private final boolean ownApp;
    private final int logMark;
    private final List<Participant> participants = new CopyOnWriteArrayList<>();
    private final FailureStory story;
    private boolean closed;

    TestRun(Environment environment, AppUnderTest app, boolean ownApp) {
        this.environment = environment;
        this.app = app;
        this.ownApp = ownApp;
        this.logMark = environment.livekit().log().mark();
        this.story = FailureStory.begin(environment.livekit().log(), logMark, Settings.fromSystem());
    }

    Environment environment() {
        return environment;
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
        return p;
    }

    /** After a failure, its story first: the timeline and every participant's last frames. */
    void attachEvidence(Optional<Throwable> failure) {
        failure.ifPresent(f -> story.attach(participants, f));
        participants.forEach(Evidence::attachParticipant);
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
