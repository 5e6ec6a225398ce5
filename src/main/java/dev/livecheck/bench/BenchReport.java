package dev.livecheck.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** bench.md: the benchmark's figures for a person — start-up times, the join ratios, and every item's time, part by part. */
final class BenchReport {
    private static final String[][] COLUMNS = {{"WALL", "wall"}, {"INHERENT", "inherent waits"}, {"WAITING", "app and LiveKit"},
        {"SETUP", "env start"}, {"BROWSER_START", "browser start"}, {"PAGES", "page steps"}, {"PROBES", "probes"}, {"CLEANUP", "evidence, cleanup"},
        {"OTHER", "other"}};

    private BenchReport() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> result, Path timings) throws IOException {
        StringBuilder md = new StringBuilder("# livecheck benchmark\n\n");
        md.append("Measured ").append(((Map<String, Object>) result.get("machine")).get("date")).append(" on ")
                .append(((Map<String, Object>) result.get("machine")).get("cores")).append(" cores; medians of ").append(result.get("runs"))
                .append(" runs. Figures, never assertions.\n\n");
        Map<String, Object> join = (Map<String, Object>) result.get("join");
        if (join != null) {
            md.append("## The two-person join\n\n| who | median | ratio to the harness |\n|---|---|---|\n");
            md.append(row("livecheck (lists, colours, moving pictures checked)", join.get("harness"), "1.00"));
            md.append(row("bare Selenium script", join.get("bareSelenium"), String.valueOf(join.get("ratioHarnessToBare"))));
            Object pw = join.get("barePlaywright");
            md.append(pw instanceof Map<?, ?> ? row("bare Playwright-for-Java script", pw, String.valueOf(join.get("ratioHarnessToPlaywright")))
                    : "| bare Playwright-for-Java script | " + pw + " | |\n");
            md.append("\nRatio = harness / bare (the harness checks more: both participant lists, colours, moving pictures).\n\n");
        }
        Map<String, Object> checklist = (Map<String, Object>) result.get("fullChecklist");
        if (checklist != null) {
            md.append(String.format(Locale.ROOT, "## The whole checklist%n%n%s of %s tests passed in %s s wall, %s class%s at once"
                            + " (livecheck.concurrency).%n%n", checklist.get("passed"), checklist.get("tests"),
                    seconds(((Number) checklist.get("wallMs")).longValue()), checklist.get("classesAtOnce"),
                    Integer.valueOf(1).equals(checklist.get("classesAtOnce")) ? "" : "es"));
            List<Object> notPassed = (List<Object>) checklist.getOrDefault("notPassed", List.of());
            notPassed.forEach(test -> md.append("- not passed: ").append(test).append('\n'));
            md.append(notPassed.isEmpty() ? "" : "\n");
        }
        md.append(ScenarioReport.markdown(result, timings.getParent()));
        if (result.containsKey("perItem")) {
            PerItem items = PerItem.read(timings);
            md.append("## Every item, part by part (seconds)\n\n| item |");
            for (String[] c : COLUMNS) {
                md.append(' ').append(c[1]).append(" |");
            }
            md.append(" harness overhead |\n|---|");
            md.append("---|".repeat(COLUMNS.length + 1)).append('\n');
            items.byItem().forEach((item, parts) -> {
                md.append("| ").append(item).append(" |");
                for (String[] c : COLUMNS) {
                    md.append(' ').append(seconds(parts.getOrDefault(c[0], 0L))).append(" |");
                }
                md.append(' ').append(seconds(items.overhead(parts))).append(" |\n");
            });
            long n = items.byItem().size();
            long overhead = items.byItem().values().stream().mapToLong(items::overhead).sum();
            md.append(String.format(Locale.ROOT, "%n%d items in %s s of test time; inherent waits %s s; harness overhead %s s, %s s an item on average.%n",
                    n, seconds(items.total("WALL")), seconds(items.total("INHERENT")), seconds(overhead), seconds(n == 0 ? 0 : overhead / n)));
            md.append("\nInherent: the app's own timeouts, outages and media windows a check must sit out. App and LiveKit: waiting for the"
                    + " page to connect, show someone, play media. Harness overhead: environment start (first test), browser start, page"
                    + " steps (log in, open, click), probes outside a wait (reading pages, stats, pixels, tones; what a wait polls counts to the wait), evidence and cleanup, and what no part claims."
                    + " With classes at once, tests overlap: their times add up to more than the wall time, and each includes sharing the CPU.\n");
        }
        return md.toString();
    }

    private static String row(String who, Object summary, String ratio) {
        Map<?, ?> s = (Map<?, ?>) summary;
        return "| " + who + " | " + (s == null ? "—" : seconds(((Number) s.get("medianMs")).longValue()) + " s") + " | " + ratio + " |\n";
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }
}
