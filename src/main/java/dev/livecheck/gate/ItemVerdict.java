package dev.livecheck.gate;

import dev.livecheck.redact.Redactor;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The gate's conclusion for one checklist item, with the results it rests on (the latest run of
 * each test that checks the item) as evidence.
 */
public record ItemVerdict(ChecklistItem item, ItemStatus status, long durationMs, List<TestResult> evidence, int attempts, int passedAttempts) {

    private static final int MAX_MESSAGE_LENGTH = 300;

    public boolean passed() {
        return status == ItemStatus.PASSED;
    }

    /** The profile's reason when the item does not apply to the app. */
    public java.util.Optional<String> notApplicableReason() {
        return status != ItemStatus.NOT_APPLICABLE ? java.util.Optional.empty()
                : evidence.stream().map(TestResult::notApplicable).filter(r -> r != null && !r.isBlank()).findFirst();
    }

    /** The item's checklist line: box ticked only when passed ({@code [-]} when not applicable), then status and evidence. */
    public String checklistLine() {
        return checklistLine(EvidenceLinks.none());
    }

    /** As {@link #checklistLine()}, each test and attachment of the evidence a link where {@code links} has one. */
    String checklistLine(EvidenceLinks links) {
        String box = passed() ? "[x]" : status == ItemStatus.NOT_APPLICABLE ? "[-]" : "[ ]";
        StringBuilder line = new StringBuilder("- " + box + " " + item.id() + " " + item.title() + " — " + Redactor.redact(statusText(links)));
        figures().forEach(f -> line.append("\n  - measured: ").append(Redactor.redact(f.line())));
        return line.toString();
    }

    /** The real-time figures the latest run of each test measured (C-10: both directions). */
    public List<TestResult.Figures> figures() {
        return evidence.stream().collect(Collectors.toMap(TestResult::testKey, r -> r, TestResult::later, java.util.LinkedHashMap::new))
                .values().stream().flatMap(r -> r.figures().stream()).toList();
    }

    /** One stderr line for an item that holds the release back. */
    public String blockingLine() {
        String reason = status == ItemStatus.MISSING ? "no test result"
                : status == ItemStatus.FLAKY ? "passed " + passedAttempts + " of " + attempts + " attempts: " + message() : message();
        return Redactor.redact(item.id() + " " + item.title() + ": " + status.label() + " — " + reason);
    }

    private String statusText(EvidenceLinks links) {
        return switch (status) {
            case MISSING -> "missing: no test result";
            case NOT_APPLICABLE -> "not applicable: " + notApplicableReason().orElse("the app's profile says so");
            case FLAKY -> "FLAKY: passed " + passedAttempts + " of " + attempts + " attempts: " + message() + " — evidence: " + evidenceText(links);
            case PASSED -> "passed, " + seconds() + " — evidence: " + evidenceText(links);
            default -> status.name() + ": " + message() + " — evidence: " + evidenceText(links);
        };
    }

    /** First line of the message of the first result that has the item's (worst) status, redacted. */
    String message() {
        String raw = evidence.stream()
                .filter(result -> status == ItemStatus.FLAKY ? !result.status().releasable() : result.status() == status)
                .map(TestResult::message)
                .filter(m -> m != null && !m.isBlank())
                .findFirst()
                .orElse(null);
        if (raw == null) {
            return "no message in the test result";
        }
        // Redact before cutting: a truncated JWT would no longer match the pattern.
        String line = Redactor.redact(raw).strip().lines().findFirst().orElse("");
        return line.length() > MAX_MESSAGE_LENGTH ? line.substring(0, MAX_MESSAGE_LENGTH) + "…" : line;
    }

    private String seconds() {
        return String.format(Locale.ROOT, "%.1f s", durationMs / 1000.0);
    }

    /** A passed item names its tests (their attachments are a click away); any other lists what tells why. */
    private String evidenceText(EvidenceLinks links) {
        return evidence.stream().map(result -> describe(result, links, !passed())).collect(Collectors.joining("; "));
    }

    /** The test, then its attachments by name — a failure's timeline and frames first — each a link where there is one. */
    private static String describe(TestResult result, EvidenceLinks links, boolean withAttachments) {
        String test = link(result.displayName(), links.test(result));
        if (!withAttachments || result.attachments().isEmpty()) {
            return test;
        }
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        List<String> named = new java.util.ArrayList<>();
        for (TestResult.Attachment a : result.attachments()) {
            String name = a.name() == null ? "attachment" : a.name();
            int occurrence = seen.merge(name, 1, Integer::sum) - 1;
            named.add(link(name, links.attachment(result, a, occurrence)));
        }
        List<String> storyFirst = java.util.stream.Stream.concat(
                named.stream().filter(ItemVerdict::tellsTheFailure), named.stream().filter(n -> !tellsTheFailure(n))).toList();
        return test + " (" + String.join(", ", storyFirst) + ")";
    }

    private static boolean tellsTheFailure(String attachment) {
        return attachment.contains(dev.livecheck.evidence.FailureStory.TIMELINE) || attachment.contains(dev.livecheck.evidence.FailureStory.FRAMES);
    }

    private static String link(String text, java.util.Optional<String> target) {
        String escaped = text.replace("[", "\\[").replace("]", "\\]");
        return target.map(t -> "[" + escaped + "](" + t + ")").orElse(text);
    }
}
