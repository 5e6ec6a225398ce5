package dev.livecheck.gate;

import java.util.List;
import java.util.Set;

/** The parts of one Allure {@code *-result.json} that the gate needs. */
public record TestResult(
        String file,
        String name,
        String fullName,
        String historyId,
        ItemStatus status,
        long start,
        long stop,
        Set<String> checklistIds,
        List<Attachment> attachments,
        String message,
        String notApplicable) {

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
