package dev.livecheck.evidence;

import dev.livecheck.redact.Redactor;
import org.openqa.selenium.WebDriver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What happened when, in one test (or one reproduction): the harness's steps and waits, each page's session state
 * as the checks saw it, join clicks — recorded as they happen — plus what the browsers and LiveKit logged, added at
 * the end. Rendered with each event's time since the start and since the first join click.
 *
 * <p>Steps and waits are recorded for the test running on the current thread; page states and clicks for the
 * browsers the test {@link #watch watches}, whichever thread sees them (Awaitility polls on its own).
 */
public final class Timeline {
    /** One thing that happened; {@code who} is a participant, {@code livekit}, or empty for the harness. */
    public record Event(Instant at, String who, String kind, String text) {
    }

    private static final ThreadLocal<Timeline> CURRENT = new ThreadLocal<>();
    private static final Map<WebDriver, Page> PAGES = new ConcurrentHashMap<>();
    private static final int MAX_TEXT = 220;

    private final Instant start;
    private final List<Event> events = new ArrayList<>();
    private final java.util.Set<String> watched = ConcurrentHashMap.newKeySet();
    private volatile Instant firstClick;

    private static final class Page {
        final Timeline timeline;
        final String who;
        String lastState = "";

        Page(Timeline timeline, String who) {
            this.timeline = timeline;
            this.who = who;
        }
    }

    public Timeline(Instant start) {
        this.start = start;
    }

    /** Starts the timeline of the test on this thread. */
    public static Timeline begin() {
        Timeline timeline = new Timeline(Instant.now());
        CURRENT.set(timeline);
        return timeline;
    }

    /** Records on this thread for a test that started on another (a step done on two threads at once); {@link #leave} after. */
    public void adopt() {
        CURRENT.set(this);
    }

    /** This thread stops recording (for a thread that {@link #adopt adopted} a timeline). */
    public static void leave() {
        CURRENT.remove();
    }

    /** The timeline of the test on this thread, if one is being recorded. */
    public static Optional<Timeline> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Ends recording on this thread and for every browser it watched. */
    public void end() {
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
        PAGES.values().removeIf(page -> page.timeline == this);
    }

    public Instant start() {
        return start;
    }

    /** From now on, session states the checks read on this browser's page, and its join clicks, go on this timeline. */
    public void watch(WebDriver driver, String who) {
        watched.add(who);
        PAGES.put(driver, new Page(this, who));
    }

    /** The watched participant a step's text starts with ("client clicks join…"), else "". */
    public String whoOf(String text) {
        return watched.stream().filter(name -> text != null && text.startsWith(name + " ")).findFirst().orElse("");
    }

    /** A check read the page's session state: a change is recorded. */
    public static void pageState(WebDriver driver, String state) {
        Page page = PAGES.get(driver);
        if (page == null) {
            return;
        }
        synchronized (page) {
            if (state.equals(page.lastState)) {
                return;
            }
            page.lastState = state;
        }
        page.timeline.add(page.who, "state", state);
    }

    /** A join is about to start on this browser's page (a click, or the session opened). */
    public static void joinStarted(WebDriver driver) {
        Page page = PAGES.get(driver);
        if (page != null) {
            page.timeline.click(page.who, "join starts");
        }
    }

    /** A click that starts something the checks time: the first one is the timeline's second origin. */
    public void click(String who, String text) {
        click(Instant.now(), who, text);
    }

    void click(Instant at, String who, String text) {
        synchronized (this) {
            if (firstClick == null || at.isBefore(firstClick)) {
                firstClick = at;
            }
        }
        add(at, who, "click", text);
    }

    public void add(String who, String kind, String text) {
        add(Instant.now(), who, kind, text);
    }

    public synchronized void add(Instant at, String who, String kind, String text) {
        events.add(new Event(at, who == null ? "" : who, kind, text == null ? "" : text));
    }

    public synchronized void addAll(List<Event> more) {
        events.addAll(more);
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** The first join click, if there was one. */
    public Optional<Instant> firstClick() {
        return Optional.ofNullable(firstClick);
    }

    /**
     * One line per event, in time order, redacted: {@code +  5.11s  click +  4.90s  client   console  SEVERE Could not connect…}.
     * The click column appears once there was a click; the who column when any event has one.
     */
    public String render() {
        return render(start);
    }

    /** As {@link #render()}, with times since {@code zero} (the reproduction counts from its click). */
    public String render(Instant zero) {
        List<Event> sorted = events().stream().sorted(Comparator.comparing(Event::at)).toList();
        Optional<Instant> click = firstClick().filter(c -> !c.equals(zero));
        boolean whoColumn = sorted.stream().anyMatch(e -> !e.who().isEmpty());
        List<String> lines = new ArrayList<>();
        for (Event e : sorted) {
            StringBuilder line = new StringBuilder(String.format("  %s", seconds(Duration.between(zero, e.at()))));
            click.ifPresent(c -> line.append(String.format("  click %s", seconds(Duration.between(c, e.at())))));
            if (whoColumn) {
                line.append(String.format("  %-8s", e.who()));
            }
            line.append(String.format("  %-8s %s", e.kind(), shorten(Redactor.redact(e.text()))));
            lines.add(line.toString());
        }
        return lines.stream().collect(Collectors.joining("\n"));
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%s%6.2fs", d.isNegative() ? "-" : "+", Math.abs(d.toMillis()) / 1000.0);
    }

    private static String shorten(String text) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() > MAX_TEXT ? oneLine.substring(0, MAX_TEXT - 1) + "…" : oneLine;
    }
}
