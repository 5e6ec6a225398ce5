package dev.livecheck.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * bench.md's before and after: the checklist with every item on a call of its own (livecheck.scenarios=false, as
 * before scenarios) against the same checklist on shared calls — whole, per scenario (test class), and per item.
 */
final class ScenarioReport {
    private ScenarioReport() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> result, Path out) throws IOException {
        Map<String, Object> before = (Map<String, Object>) result.get("oneCallPerItem");
        Map<String, Object> after = (Map<String, Object>) result.get("fullChecklist");
        if (before == null || after == null) {
            return "";
        }
        StringBuilder md = new StringBuilder("## One call per item, and shared calls (scenarios)\n\n");
        md.append("Measured in this run, one after the other, the same checklist the same way (classes at once as `mvn verify`): first with every"
                + " item on a call of its own (`-Dlivecheck.scenarios=false`), then with each scenario's items on one call.\n\n");
        md.append("| | one call per item | shared calls |\n|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| whole checklist, wall | %s s | %s s |%n", s(before.get("wallMs")), s(after.get("wallMs"))));
        md.append(String.format(Locale.ROOT, "| tests passed | %s of %s | %s of %s |%n", before.get("passed"), before.get("tests"), after.get("passed"),
                after.get("tests")));
        PerItem itemsBefore = PerItem.read(out.resolve(String.valueOf(before.get("timings"))));
        PerItem itemsAfter = PerItem.read(out.resolve(String.valueOf(after.get("timings"))));
        long n = Math.max(1, itemsAfter.byItem().size());
        md.append(String.format(Locale.ROOT, "| harness overhead, an item on average | %s s | %s s |%n%n",
                s(itemsBefore.byItem().values().stream().mapToLong(itemsBefore::overhead).sum() / Math.max(1, itemsBefore.byItem().size())),
                s(itemsAfter.byItem().values().stream().mapToLong(itemsAfter::overhead).sum() / n)));
        Map<String, Map<String, Long>> groupsBefore = PerItem.groups(out.resolve(String.valueOf(before.get("timings"))));
        Map<String, Map<String, Long>> groupsAfter = PerItem.groups(out.resolve(String.valueOf(after.get("timings"))));
        md.append("Per scenario (test class; seconds of test time, its tests' walls summed):\n\n| class | tests | one call per item | shared | overhead before | overhead after |\n"
                + "|---|---|---|---|---|---|\n");
        for (String g : new TreeSet<>(groupsAfter.keySet())) {
            Map<String, Long> a = groupsAfter.get(g);
            Map<String, Long> b = groupsBefore.getOrDefault(g, Map.of());
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", g, a.getOrDefault("TESTS", 0L), s(b.get("WALL")), s(a.get("WALL")),
                    s(b.get("HARNESS_OVERHEAD")), s(a.get("HARNESS_OVERHEAD"))));
        }
        md.append("\nPer item (seconds):\n\n| item | wall, one call per item | wall, shared | overhead before | overhead after |\n|---|---|---|---|---|\n");
        itemsAfter.byItem().forEach((item, parts) -> {
            Map<String, Long> b = itemsBefore.byItem().getOrDefault(item, Map.of());
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", item, s(b.get("WALL")), s(parts.get("WALL")),
                    b.isEmpty() ? "—" : s(itemsBefore.overhead(b)), s(itemsAfter.overhead(parts))));
        });
        return md.append('\n').toString();
    }

    private static String s(Object ms) {
        return ms instanceof Number n ? String.format(Locale.ROOT, "%.1f", n.longValue() / 1000.0) : "—";
    }
}
