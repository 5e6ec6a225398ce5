package dev.livecheck.evidence;

import dev.livecheck.browser.MediaProbe;
import dev.livecheck.browser.Participant;
import dev.livecheck.livekit.ServerLog;
import io.qameta.allure.Allure;

import java.io.ByteArrayInputStream;

/** Attaches what a person needs to judge a run: every participant's screen, console and stats, and LiveKit's log. */
public final class Evidence {
    private Evidence() {
    }

    public static void attachParticipant(Participant p) {
        attachParticipant(p, java.time.Instant.EPOCH);
    }

    /** As {@link #attachParticipant(Participant)}, the console and dialogs from {@code since} on (a scenario's test: its own part of the call). */
    public static void attachParticipant(Participant p, java.time.Instant since) {
        if (!p.isOpen()) {
            Allure.addAttachment(p.name() + " — browser", "text/plain", "the browser was closed before the end of the test");
            attachConsole(p, since);
            return;
        }
        try {
            Allure.addAttachment(p.name() + " — screenshot", "image/png", new ByteArrayInputStream(p.screenshot()), "png");
        } catch (RuntimeException e) {
            Allure.addAttachment(p.name() + " — screenshot", "text/plain", "no screenshot: " + e.getMessage());
        }
        attachConsole(p, since);
        try {
            java.util.List<dev.livecheck.pages.SessionPage.Dialog> dialogs = p.session().dialogs().stream()
                    .filter(d -> d.at() >= since.toEpochMilli()).toList();
            if (!dialogs.isEmpty()) {
                Allure.addAttachment(p.name() + " — browser dialogs", "text/plain", dev.livecheck.redact.Redactor.redact(
                        dialogs.stream().map(d -> java.time.Instant.ofEpochMilli(d.at()) + " " + d.type() + ": " + d.message())
                                .collect(java.util.stream.Collectors.joining("\n"))));
            }
        } catch (RuntimeException e) {
            // no page to ask
        }
        try {
            MediaProbe.Stats stats = p.probe().stats();
            Allure.addAttachment(p.name() + " — WebRTC getStats", "text/plain", stats.toString());
        } catch (RuntimeException e) {
            Allure.addAttachment(p.name() + " — WebRTC getStats", "text/plain", "no stats: " + e.getMessage());
        }
    }

    private static void attachConsole(Participant p, java.time.Instant since) {
        Allure.addAttachment(p.name() + " — browser console", "text/plain", p.console().lines().stream().filter(l -> !l.time().isBefore(since))
                .map(dev.livecheck.browser.ConsoleLog.Line::toString).collect(java.util.stream.Collectors.joining("\n")));
    }

    public static void attachServerLog(ServerLog log, int mark) {
        String slice = log.since(mark);
        if (!slice.isEmpty()) {
            Allure.addAttachment("LiveKit server log (this test)", "text/plain", slice);
        }
    }
}
