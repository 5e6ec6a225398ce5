package dev.livecheck.gate;

import java.util.List;
import java.util.Set;

/**
 * The parts of one Allure {@code *-result.json} that the gate needs. {@code test}: {@code class.method} (the run record's
 * key); {@code runId}: the run it belongs to ({@link RunRecord#RUN_LABEL}); {@code inconclusive}: the reason the
 * environment kept it from judging, when it ended so; {@code notApplicable}, {@code partial}: what the run's record
 * says of it, filled in by the verdict.
 */
public record TestResult(
        String file,
        String name,
        String fullName,
        String historyId,
        String test,
        String runId,
        ItemStatus status,
        long start,
        long stop,
        Set<String> checklistIds,
        List<Attachment> attachments,
        String message,
        String notApplicable,
        String partial,
        String inconclusive,
        List<Figures> figures) {

    /** This result as the run's record qualifies it. */
    TestResult as(ItemStatus newStatus, String notApplicableReason, String partialReason) {
        return new TestResult(file, name, fullName, historyId, test, runId, newStatus, start, stop, checklistIds, attachments, message,
                notApplicableReason, partialReason, inconclusive, figures);
    }

    /** Measured real-time figures a test attached (livecheck's Quality: one per direction and scenario). */
    public record Figures(String scenario, String direction, java.util.Map<String, Object> values) {
        /** e.g. {@code provider → client: video latency p95 120 ms, audio p95 130 ms, A/V +10 ms, 29.8 fps, 640x480, longest freeze 80 ms}. */
        public String line() {
            return direction + ": video latency p95 " + values.get("latencyP95Ms") + " ms, audio p95 " + values.get("audioLatencyP95Ms")
                    + " ms, A/V " + signed(values.get("avOffsetMs")) + " ms, " + values.get("fps") + " fps, " + values.get("resolution")
                    + ", longest freeze " + values.get("longestFreezeMs") + " ms" + (scenario == null || scenario.isBlank() ? "" : " (" + scenario + ")");
        }

        private static String signed(Object value) {
            return value instanceof Number n && n.longValue() > 0 ? "+" + n : String.valueOf(value);
        }
    }

    public record Attachment(String name, String source) {
    }

    /** Identifies the test across repeated runs. */
    public String testKey() {
        return firstNonBlank(historyId, fullName, name, file);
    }

    public String displayName() {
        return firstNonBlank(fullName, name, file);
    }

    public long durationMs() {
        return Math.max(0, stop - start);
    }

    /** The later of two runs of the same test; on a tie the worse one, so a tie can't hide a failure. */
    static TestResult later(TestResult a, TestResult b) {
        if (a.stop != b.stop) {
            return a.stop > b.stop ? a : b;
        }
        return b.status.compareTo(a.status) > 0 ? b : a;
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "";
    }
}
