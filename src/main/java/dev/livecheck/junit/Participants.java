package dev.livecheck.junit;

import dev.livecheck.browser.BrowserOptions;
import dev.livecheck.browser.Participant;
import dev.livecheck.media.FakeMedia;
import dev.livecheck.media.Role;
import dev.livecheck.profile.Account;

/** Starts extra browsers in a test (a second client, a browser that denies media); closed after the test. */
public final class Participants {
    private final TestRun run;

    Participants(TestRun run) {
        this.run = run;
    }

    public Participant start(String name, Role role) {
        return start(name, role, run.environment().browserOptions());
    }

    public Participant start(String name, Role role, BrowserOptions options) {
        return run.start(name, run.app().profile().account(role), run.environment().media().of(role), options);
    }

    /** A participant with an account and media of its own (e.g. a third client with a third colour). */
    public Participant start(String name, Account account, FakeMedia media) {
        return run.start(name, account, media, run.environment().browserOptions());
    }
}
