package dev.livecheck.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where one test's time went: starting browsers, the page steps (log in, open, click), waiting for the app and
 * LiveKit, inherent waits (the app's timeouts, outages, media windows a check must sit out), probing the pages
 * (stats, pixels, tones), and evidence and cleanup. Each test appends one line to
 * {@code target/livecheck/timings.jsonl}; {@code scripts/bench} turns them into a per-item table.
 */
public final class TimeSpent {
    /** The parts a test's wall time is made of; what no part claims is "other". */
    public enum Part {
        SETUP("environment start"), BROWSER_START("browser start"), PAGES("login and page steps"), WAITING("waiting for the app and LiveKit"),
        INHERENT("inherent waits"), PROBES("probes"), CLEANUP("evidence and cleanup");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final ThreadLocal<TimeSpent> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String test;
    private final List<String> items;
    private final String group;
    private final Instant started = Instant.now();
    private final Map<Part, Long> millis = new EnumMap<>(Part.class);

    private TimeSpent(String test, List<String> items, String group) {
        this.test = test;
        this.items = items;
        this.group = group;
    }

    /** Starts timing a test on this thread. */
    public static TimeSpent begin(String test, List<String> items) {
        return begin(test, items, "");
    }

    /** Starts timing a test of a group (its class: a scenario's tests share one call) on this thread. */
    public static TimeSpent begin(String test, List<String> items, String group) {
        TimeSpent spent = new TimeSpent(test, items, group);
        CURRENT.set(spent);
        return spent;
    }

    /** The test timed on this thread, if any. */
    public static java.util.Optional<TimeSpent> current() {
        return java.util.Optional.ofNullable(CURRENT.get());
    }

    /** Whether this thread is inside a timed part (whose time already counts what happens in it). */
    public static boolean insideAPart() {
        return DEPTH.get() > 0;
    }

    public synchronized void add(Part part, Duration spent) {
        millis.merge(part, Math.max(0, spent.toMillis()), Long::sum);
    }

    /** Runs the action, counting its time to this part (for the test timed on this thread); the outermost part counts. */
    public static <T> T time(Part part, Supplier<T> action) {
        Instant t = Instant.now();
        int depth = DEPTH.get();
        DEPTH.set(depth + 1);
        try {
            return action.get();
        } finally {
            DEPTH.set(depth);
            if (depth == 0) {
                current().ifPresent(s -> s.add(part, Duration.between(t, Instant.now())));
            }
        }
    }

    public static void time(Part part, Runnable action) {
        time(part, () -> {
            action.run();
            return null;
        });
    }

    /** Ends the test's timing: appends its line to {@code dir/timings.jsonl} and gives the summary. */
    public synchronized String end(Path dir) {
        CURRENT.remove();
        long wall = Duration.between(started, Instant.now()).toMillis();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("test", test);
        line.put("items", items);
        line.put("group", group);
        line.put("wallMs", wall);
        Map<String, Long> parts = new LinkedHashMap<>();
        long claimed = 0;
        for (Part part : Part.values()) {
            long ms = millis.getOrDefault(part, 0L);
            parts.put(part.name(), ms);
            claimed += ms;
        }
        parts.put("OTHER", Math.max(0, wall - claimed));
        line.put("parts", parts);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("timings.jsonl"), JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("livecheck: could not write timings: " + e.getMessage());
        }
        StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT, "%.1f s in all%n", wall / 1000.0));
        parts.forEach((part, ms) -> text.append(String.format(java.util.Locale.ROOT, "  %-32s %6.1f s%n",
                part.equals("OTHER") ? "other" : Part.valueOf(part).label(), ms / 1000.0)));
        return text.toString();
    }
}
