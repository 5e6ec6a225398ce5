package dev.livecheck.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Repeated measurements of one thing, in milliseconds, reported as median and spread. */
final class Samples {
    private final List<Long> millis = new ArrayList<>();

    void add(long ms) {
        millis.add(ms);
    }

    Map<String, Object> summary() {
        List<Long> sorted = millis.stream().sorted().toList();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("runs", sorted.size());
        if (!sorted.isEmpty()) {
            int n = sorted.size();
            s.put("medianMs", n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
            s.put("minMs", sorted.get(0));
            s.put("maxMs", sorted.get(n - 1));
            s.put("samplesMs", millis);
        }
        return s;
    }

    int count() {
        return millis.size();
    }

    long median() {
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }
}
