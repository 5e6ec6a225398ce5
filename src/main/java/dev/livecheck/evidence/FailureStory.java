package dev.livecheck.evidence;

import dev.livecheck.browser.ConsoleLog;
import dev.livecheck.browser.Participant;
import dev.livecheck.browser.FrameRecorder;
import dev.livecheck.config.Settings;
import dev.livecheck.livekit.ServerLog;
import dev.livecheck.redact.Redactor;
import io.qameta.allure.Allure;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A failed test's story on one page: a timeline of both browsers' consoles and dialogs, each page's session states,
 * LiveKit's events, the harness's steps and waits — and each participant's last frames. Recording runs through every
 * test (a frame a second per browser, recorded off the test's thread); only a failure attaches it.
 * {@code livecheck.frames=false} records no frames (nor are there frames of a browser on another machine's Grid
 * node); {@code livecheck.frames.count} (12) and {@code livecheck.frames.intervalMs} (1000) size the strip.
 */
public final class FailureStory implements AutoCloseable {
    public static final String TIMELINE = "failure timeline";
    public static final String FRAMES = "frames before the failure";
    /** A library's console line as Chromium words it: {@code http://…/livekit-client.umd.js 0:92153 "signal connected" Object}. */
    private static final java.util.regex.Pattern LOGGED_BY_A_SCRIPT = java.util.regex.Pattern.compile("^\\S+ \\d+:\\d+ \"(.*)\"(?: \\w+)*$", java.util.regex.Pattern.DOTALL);
    private static final ExecutorService STARTS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "livecheck-frames-start");
        t.setDaemon(true);
        return t;
    });

    private final Timeline timeline;
    private final ServerLog log;
    private final int logMark;
    private final boolean frames;
    private final int frameCount;
    private final Duration frameInterval;
    private final Map<Participant, CompletableFuture<FrameRecorder>> recorders = new LinkedHashMap<>();

    private FailureStory(ServerLog log, int logMark, Settings settings) {
        this.log = log;
        this.logMark = logMark;
        // a browser on another machine's Grid node names a DevTools address on that machine
        this.frames = settings.getBoolean("livecheck.frames", true) && settings.get("livecheck.grid.url").map(FailureStory::onThisMachine).orElse(true);
        this.frameCount = settings.getInt("livecheck.frames.count", 12);
        this.frameInterval = Duration.ofMillis(settings.getInt("livecheck.frames.intervalMs", 1000));
        if (frameCount < 1 || frameInterval.toMillis() < 100) {
            throw new dev.livecheck.config.LivecheckException("livecheck.frames.count must be at least 1 and livecheck.frames.intervalMs at least 100 (got "
                    + frameCount + ", " + frameInterval.toMillis() + ")");
        }
        this.timeline = Timeline.begin();
    }

    private static boolean onThisMachine(String url) {
        String host = java.net.URI.create(url).getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127."));
    }

    /** Starts recording the test on this thread; LiveKit's log counts from {@code logMark}. */
    public static FailureStory begin(ServerLog log, int logMark, Settings settings) {
        return new FailureStory(log, logMark, settings);
    }

    /** Records this participant's page: its states and clicks, and (in the background) its frames. */
    public void watch(Participant p) {
        timeline.watch(p.driver(), p.name());
        if (frames) {
            CompletableFuture<FrameRecorder> started = CompletableFuture.supplyAsync(
                    () -> FrameRecorder.start(p.driver(), frameInterval, frameCount), STARTS);
            synchronized (recorders) {
                recorders.put(p, started);
            }
        }
    }

    /** Events measured apart from the test (the machine's load, each page's call over time), for the timeline. */
    public void addEvents(List<Timeline.Event> events) {
        timeline.addAll(events);
    }

    public Instant started() {
        return timeline.start();
    }

    /** Attaches the timeline and every participant's frame strip to the current Allure test. */
    public void attach(List<Participant> participants, Throwable failure) {
        Instant failedAt = Instant.now();
        for (Participant p : participants) {
            addPageEvents(p);
        }
        timeline.addAll(ServerLogEvents.of(log.since(logMark)));
        String message = firstLine(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
        timeline.add(failedAt, "", "FAILED", message);
        Allure.addAttachment(TIMELINE, "text/plain", header(failedAt, message) + timeline.render() + "\n");
        for (Participant p : participants) {
            attachFrames(p);
        }
    }

    private void addPageEvents(Participant p) {
        List<Timeline.Event> events = new ArrayList<>();
        for (ConsoleLog.Line line : p.console().lines()) {
            String text = LOGGED_BY_A_SCRIPT.matcher(line.message()).replaceFirst("$1");
            events.add(new Timeline.Event(line.time(), p.name(), "console", line.level().equals("INFO") ? text : line.level() + " " + text));
        }
        if (p.isOpen()) {
            try {
                p.session().dialogs().forEach(d -> events.add(new Timeline.Event(Instant.ofEpochMilli(d.at()), p.name(), "dialog", d.type() + ": " + d.message())));
                p.session().state(); // the page's last state, recorded as it reads
            } catch (RuntimeException noPage) {
                // the page is gone or mid-navigation: the story ends with what was seen
            }
        } else {
            timeline.add(p.name(), "browser", "closed before the end of the test");
        }
        timeline.addAll(events);
    }

    private void attachFrames(Participant p) {
        CompletableFuture<FrameRecorder> recorder;
        synchronized (recorders) {
            recorder = recorders.get(p);
        }
        if (recorder == null) {
            return;
        }
        String name = p.name() + " — " + FRAMES;
        try {
            List<FrameRecorder.Frame> recorded = recorder.get(3, TimeUnit.SECONDS).frames();
            if (recorded.isEmpty()) {
                Allure.addAttachment(name, "text/plain", "the page painted no frame while the test ran");
                return;
            }
            String title = String.format(Locale.ROOT, "%s: the last %d frames, about %.1f s apart (+ time since the test started)", p.name(),
                    recorded.size(), frameInterval.toMillis() / 1000.0);
            Allure.addAttachment(name, "image/jpeg", new ByteArrayInputStream(FrameStrip.jpeg(title, recorded, timeline.start())), "jpg");
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
            Allure.addAttachment(name, "text/plain", Redactor.redact("no frames: " + cause.getMessage()));
        }
    }

    private String header(Instant failedAt, String message) {
        StringBuilder header = new StringBuilder("test started ").append(timeline.start());
        timeline.firstClick().ifPresent(click -> header.append(String.format(Locale.ROOT, "; first join click at +%.2f s",
                Duration.between(timeline.start(), click).toMillis() / 1000.0)));
        header.append(String.format(Locale.ROOT, "; failed at +%.2f s%n", Duration.between(timeline.start(), failedAt).toMillis() / 1000.0));
        header.append("failure: ").append(Redactor.redact(message)).append('\n');
        header.append("columns: time since the start");
        timeline.firstClick().ifPresent(click -> header.append(", since the first join click"));
        header.append(", who (a participant, livekit, or the harness), what\n\n");
        return header.toString();
    }

    /** Stops every recorder (before the browsers go back to the pool) and ends the timeline. */
    @Override
    public void close() {
        List<CompletableFuture<FrameRecorder>> all;
        synchronized (recorders) {
            all = new ArrayList<>(recorders.values());
        }
        for (CompletableFuture<FrameRecorder> s : all) {
            try {
                s.get(3, TimeUnit.SECONDS).close();
            } catch (Exception notStarted) {
                // never started (a remote browser) or still starting: a late start is closed as soon as it is done
                s.thenAccept(FrameRecorder::close);
            }
        }
        timeline.end();
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }
}
