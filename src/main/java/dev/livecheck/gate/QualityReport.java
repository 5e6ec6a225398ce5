package dev.livecheck.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** {@code quality.md} and {@code quality.json}: the measured real-time figures of a run, per item, scenario and direction. */
final class QualityReport {

    private QualityReport() {
    }

    static String markdown(List<ItemVerdict> measured) {
        StringBuilder md = new StringBuilder("""
                # Real-time quality

                What each page rendered of the other side, measured from livecheck's timestamped camera and microphone
                (latencies are capture → display / playout; A/V offset is audio later +).

                | item | scenario | direction | video latency p50 / p95 | audio latency p50 / p95 | A/V offset | fps (lowest second) | resolution | freezes (longest) |
                |---|---|---|---|---|---|---|---|---|
                """);
        for (ItemVerdict item : measured) {
            for (TestResult.Figures f : item.figures()) {
                Map<String, Object> v = f.values();
                md.append("| ").append(item.item().id()).append(' ').append(item.status().label())
                        .append(" | ").append(f.scenario())
                        .append(" | ").append(f.direction())
                        .append(" | ").append(v.get("latencyP50Ms")).append(" / ").append(v.get("latencyP95Ms")).append(" ms")
                        .append(" | ").append(v.get("audioLatencyP50Ms")).append(" / ").append(v.get("audioLatencyP95Ms")).append(" ms")
                        .append(" | ").append(v.get("avOffsetMs")).append(" ms")
                        .append(" | ").append(v.get("fps")).append(" (").append(v.get("lowestFps")).append(')')
                        .append(" | ").append(v.get("resolution"))
                        .append(" | ").append(v.get("freezes")).append(" (").append(v.get("longestFreezeMs")).append(" ms)")
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    static ObjectNode json(List<ItemVerdict> measured, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode rows = root.putArray("measurements");
        for (ItemVerdict item : measured) {
            for (TestResult.Figures f : item.figures()) {
                ObjectNode row = rows.addObject().put("item", item.item().id()).put("status", item.status().label());
                row.setAll((ObjectNode) mapper.valueToTree(f.values()));
            }
        }
        return root;
    }
}
