package dev.livecheck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each checklist item's time went, from the tests' {@code timings.jsonl} lines (a test checking several
 * items splits its time between them): wall time, inherent waits, waiting for the app and LiveKit, and the
 * harness's own overhead — environment start, browser start, page steps, probes, evidence and cleanup, other.
 */
record PerItem(Map<String, Map<String, Long>> byItem) {
    /** The parts that are the harness's own cost, not the app's or the check's. */
    static final List<String> OVERHEAD = List.of("SETUP", "BROWSER_START", "PAGES", "PROBES", "CLEANUP", "OTHER");

    static PerItem read(Path timings) throws IOException {
        Map<String, Map<String, Long>> byItem = new TreeMap<>(PerItem::checklistOrder);
        if (!Files.isReadable(timings)) {
            return new PerItem(byItem);
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(timings)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode test = json.readTree(line);
            int share = Math.max(1, test.path("items").size());
            for (JsonNode item : test.path("items")) {
                Map<String, Long> parts = byItem.computeIfAbsent(item.asText(), k -> new LinkedHashMap<>());
                parts.merge("WALL", test.path("wallMs").asLong() / share, Long::sum);
                test.path("parts").fields().forEachRemaining(e -> parts.merge(e.getKey(), e.getValue().asLong() / share, Long::sum));
                parts.merge("TESTS", 1L, Long::sum);
            }
        }
        return new PerItem(byItem);
    }

    /** Each test class (a scenario's tests share one call): its tests, their wall time and harness overhead, summed. */
    static Map<String, Map<String, Long>> groups(Path timings) throws IOException {
        Map<String, Map<String, Long>> byGroup = new TreeMap<>();
        if (!Files.isReadable(timings)) {
            return byGroup;
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(timings)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode test = json.readTree(line);
            Map<String, Long> g = byGroup.computeIfAbsent(test.path("group").asText(""), k -> new LinkedHashMap<>());
            g.merge("TESTS", 1L, Long::sum);
            g.merge("WALL", test.path("wallMs").asLong(), Long::sum);
            long overhead = OVERHEAD.stream().mapToLong(k -> test.path("parts").path(k).asLong()).sum();
            g.merge("HARNESS_OVERHEAD", overhead, Long::sum);
        }
        return byGroup;
    }

    long overhead(Map<String, Long> parts) {
        return OVERHEAD.stream().mapToLong(k -> parts.getOrDefault(k, 0L)).sum();
    }

    long total(String part) {
        return byItem.values().stream().mapToLong(p -> p.getOrDefault(part, 0L)).sum();
    }

    Map<String, Object> json() {
        Map<String, Object> j = new LinkedHashMap<>();
        byItem.forEach((item, parts) -> {
            Map<String, Object> row = new LinkedHashMap<>(parts);
            row.put("HARNESS_OVERHEAD", overhead(parts));
            j.put(item, row);
        });
        long items = byItem.size();
        long overheadTotal = byItem.values().stream().mapToLong(this::overhead).sum();
        j.put("_total", Map.of("items", items, "wallMs", total("WALL"), "inherentMs", total("INHERENT"), "harnessOverheadMs", overheadTotal,
                "harnessOverheadPerItemMs", items == 0 ? 0 : overheadTotal / items));
        return j;
    }

    /** P-, C-, E-, S-, SEC-, F-, D- as the checklist has them. */
    private static int checklistOrder(String a, String b) {
        List<String> sections = List.of("P", "C", "E", "S", "SEC", "F", "D");
        int sa = sections.indexOf(a.substring(0, a.indexOf('-')));
        int sb = sections.indexOf(b.substring(0, b.indexOf('-')));
        return sa != sb ? Integer.compare(sa, sb) : a.compareTo(b);
    }
}
