package dev.livecheck.gate;

import dev.livecheck.redact.Redactor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The gate's conclusion for one checklist item, with the results it rests on (the latest run of each test that checks
 * the item, and the failed attempts of a flaky one) as evidence, and every test the run expected of it ({@code tests}).
 *
 * @param noTests why the item has no test in this run's scope at all, when it has none
 */
public record ItemVerdict(ChecklistItem item, ItemStatus status, long durationMs, List<TestResult> evidence, int attempts, int passedAttempts,
                          List<TestLine> tests, String noTests) {

    private static final int MAX_MESSAGE_LENGTH = 300;

    public boolean passed() {
        return status == ItemStatus.PASSED || status == ItemStatus.PARTIAL;
    }

    /** The profile's reason when the item does not apply to the app. */
    public Optional<String> notApplicableReason() {
        return status != ItemStatus.NOT_APPLICABLE ? Optional.empty()
                : evidence.stream().map(TestResult::notApplicable).filter(r -> r != null && !r.isBlank()).findFirst();
    }

    /** Why the item was checked only in part for this app, when it was. */
    public Optional<String> partialReason() {
        return status != ItemStatus.PARTIAL ? Optional.empty()
                : evidence.stream().map(TestResult::partial).filter(r -> r != null && !r.isBlank()).distinct().reduce((a, b) -> a + "; " + b);
    }

    /** What the environment did that kept the item from a verdict, when that is all that holds it back. */
    public Optional<String> inconclusiveReason() {
        return status != ItemStatus.INCONCLUSIVE ? Optional.empty()
                : evidence.stream().map(TestResult::inconclusive).filter(r -> r != null && !r.isBlank()).findFirst();
    }

    /** Expected tests that did not run (or are not in the code), each with why. */
    public List<TestLine> missingTests() {
        return tests.stream().filter(t -> t.inScope() && t.status() == ItemStatus.MISSING).toList();
    }

    /** Nightly-only tests of the item this run did not select. */
    public List<TestLine> nightlyNotRun() {
        return tests.stream().filter(t -> !t.inScope()).toList();
    }

    /** The item's checklist line: box ticked only when passed ({@code [-]} when not applicable), then status and evidence. */
    public String checklistLine() {
        return checklistLine(EvidenceLinks.none());
    }

    /** As {@link #checklistLine()}, each test and attachment of the evidence a link where {@code links} has one. */
    String checklistLine(EvidenceLinks links) {
        String box = passed() ? "[x]" : status == ItemStatus.NOT_APPLICABLE ? "[-]" : status == ItemStatus.INCONCLUSIVE ? "[?]" : "[ ]";
        StringBuilder line = new StringBuilder("- " + box + " " + item.id() + " " + item.title() + " — " + Redactor.redact(statusText(links)));
        figures().forEach(f -> line.append("\n  - measured: ").append(Redactor.redact(f.line())));
        if (!nightlyNotRun().isEmpty()) {
            line.append("\n  - nightly-only, not in this run: ").append(nightlyNotRun().stream().map(TestLine::shortName).collect(Collectors.joining(", ")));
        }
        if (status != ItemStatus.MISSING && !missingTests().isEmpty()) {
            line.append("\n  - missing: ").append(Redactor.redact(missingText()));
        }
        return line.toString();
    }

    /** The real-time figures the latest run of each test measured (C-10: both directions). */
    public List<TestResult.Figures> figures() {
        return evidence.stream().collect(Collectors.toMap(TestResult::testKey, r -> r, TestResult::later, java.util.LinkedHashMap::new))
                .values().stream().flatMap(r -> r.figures().stream()).toList();
    }

    /** One stderr line for an item that holds the release back. */
    public String blockingLine() {
        String reason = switch (status) {
            case MISSING -> missingText();
            case FLAKY -> "passed " + passedAttempts + " of " + attempts + " attempts: " + message();
            default -> message();
        };
        String label = status == ItemStatus.INCONCLUSIVE ? "inconclusive (environment)" : status.label();
        String alsoMissing = status == ItemStatus.MISSING || missingTests().isEmpty() ? "" : "; also missing: " + missingText();
        return Redactor.redact(item.id() + " " + item.title() + ": " + label + " — " + reason + alsoMissing);
    }

    private String statusText(EvidenceLinks links) {
        return switch (status) {
            case MISSING -> "missing: " + missingText();
            case NOT_APPLICABLE -> "not applicable: " + notApplicableReason().orElse("the app's profile says so") + checkedText();
            case FLAKY -> "FLAKY: passed " + passedAttempts + " of " + attempts + " attempts: " + message() + " — evidence: " + evidenceText(links);
            case PASSED -> "passed" + scope() + ", " + seconds() + " — evidence: " + evidenceText(links);
            case PARTIAL -> "passed — partial: " + partialReason().orElse("the test said so") + scope() + ", " + seconds() + " — evidence: " + evidenceText(links);
            case INCONCLUSIVE -> "INCONCLUSIVE (environment): " + message() + " — evidence: " + evidenceText(links);
            default -> status.name() + ": " + message() + " — evidence: " + evidenceText(links);
        };
    }

    /** e.g. {@code  — 1 of 5 tests; 4 nightly-only, not in this run}: only when some of the item's tests are nightly-only and did not run. */
    private String scope() {
        int nightly = nightlyNotRun().size();
        if (nightly == 0) {
            return "";
        }
        long ran = tests.size() - nightly;
        return " — " + ran + " of " + tests.size() + " tests; " + nightly + " nightly-only, not in this run";
    }

    /** What the run held the profile's claim against, from the run's record. */
    private String checkedText() {
        return tests.stream().filter(t -> t.inScope() && t.status() == ItemStatus.NOT_APPLICABLE).map(TestLine::note)
                .filter(c -> c != null && !c.isBlank()).findFirst().map(c -> " (" + c + ")").orElse("");
    }

    /** Each missing test and why, or why the item has none. */
    String missingText() {
        if (noTests != null) {
            return noTests;
        }
        return missingTests().stream().map(TestLine::describe).collect(Collectors.joining("; "));
    }

    /** First line of the message of the first result that has the item's (worst) status, redacted. */
    String message() {
        if (status == ItemStatus.INCONCLUSIVE) {
            return inconclusiveReason().map(Redactor::redact).orElse("no reason in the test result");
        }
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
        List<String> lines = Redactor.redact(raw).strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String line = lines.isEmpty() ? "" : lines.get(0);
        if (line.matches("\\[.*]") && lines.size() > 1) {
            // AssertJ puts the description alone on the first line: what was expected follows
            line += " " + lines.get(1);
        }
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
