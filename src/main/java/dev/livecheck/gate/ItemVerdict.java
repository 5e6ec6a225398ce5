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
        String box = passed() ? "[x]" : status == ItemStatus.NOT_APPLICABLE ? "[-]" : "[ ]";
        return "- " + box + " " + item.id() + " " + item.title() + " — " + Redactor.redact(statusText());
    }

    /** One stderr line for an item that holds the release back. */
    public String blockingLine() {
        String reason = status == ItemStatus.MISSING ? "no test result"
                : status == ItemStatus.FLAKY ? "passed " + passedAttempts + " of " + attempts + " attempts: " + message() : message();
        return Redactor.redact(item.id() + " " + item.title() + ": " + status.label() + " — " + reason);
    }

    private String statusText() {
        return switch (status) {
            case MISSING -> "missing: no test result";
            case NOT_APPLICABLE -> "not applicable: " + notApplicableReason().orElse("the app's profile says so");
            case FLAKY -> "FLAKY: passed " + passedAttempts + " of " + attempts + " attempts: " + message() + " — evidence: " + evidenceText();
            case PASSED -> "passed, " + seconds() + " — evidence: " + evidenceText();
            default -> status.name() + ": " + message() + " — evidence: " + evidenceText();
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

    private String evidenceText() {
        return evidence.stream().map(ItemVerdict::describe).collect(Collectors.joining("; "));
    }

    private static String describe(TestResult result) {
        if (result.attachments().isEmpty()) {
            return result.displayName();
        }
        String attachments = result.attachments().stream()
                .map(a -> (a.name() == null ? "attachment" : a.name()) + ": " + a.source())
                .collect(Collectors.joining(", "));
        return result.displayName() + " (" + attachments + ")";
    }
}
