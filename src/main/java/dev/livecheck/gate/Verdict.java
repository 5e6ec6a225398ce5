package dev.livecheck.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every checklist item's verdict, from this run's Allure results and the run's record of what it expected ({@link RunRecord}).
 * Results of another run left in the same folder are counted ({@link #staleResults()}) and otherwise ignored.
 */
public final class Verdict {

    private final List<ItemVerdict> items;
    private final int staleResults;

    private Verdict(List<ItemVerdict> items, int staleResults) {
        this.items = List.copyOf(items);
        this.staleResults = staleResults;
    }

    public static Verdict of(Checklist checklist, List<TestResult> allResults, RunRecord record) throws GateInputException {
        List<TestResult> results = allResults.stream().filter(r -> record.runId().equals(r.runId())).toList();
        for (TestResult result : results) {
            for (String id : result.checklistIds()) {
                if (!checklist.contains(id)) {
                    throw new GateInputException("unknown checklist id " + id + " in result " + result.displayName()
                            + " — add it to testdata/checklist.md or fix the @Checks annotation");
                }
            }
        }
        // a test this run did not select may name an item of another checklist (a self-test's case): only this run's own must fit
        for (RunRecord.Test test : record.tests().stream().filter(RunRecord.Test::selected).toList()) {
            for (String id : test.items()) {
                if (!checklist.contains(id)) {
                    throw new GateInputException("unknown checklist id " + id + " in the run's expected test " + test.test()
                            + " — add it to testdata/checklist.md or fix the @Checks annotation");
                }
            }
        }
        List<ItemVerdict> verdicts = new ArrayList<>();
        for (ChecklistItem item : checklist.items()) {
            verdicts.add(ItemJudge.judge(item, record, results));
        }
        int stale = (int) allResults.stream().filter(r -> !record.runId().equals(r.runId()) && !r.checklistIds().isEmpty()).count();
        return new Verdict(verdicts, stale);
    }

    public List<ItemVerdict> items() {
        return items;
    }

    /** Checklist results in the folder from another run (an uncleared folder): not this run's evidence. */
    public int staleResults() {
        return staleResults;
    }

    /** Every item passed (in full or partially) or does not apply to the app. */
    public boolean passed() {
        return items.stream().allMatch(item -> item.status().releasable());
    }

    public List<ItemVerdict> blocking() {
        return items.stream().filter(item -> !item.status().releasable()).toList();
    }

    /** Blocked, and only by items the environment kept from a verdict: the machine, not the app, is what to fix. */
    public boolean blockedOnlyByTheMachine() {
        return !passed() && blocking().stream().allMatch(item -> item.status() == ItemStatus.INCONCLUSIVE);
    }

    public long count(ItemStatus status) {
        return items.stream().filter(item -> item.status() == status).count();
    }

    /** Expected tests, over all items, that are nightly-only and not in this run. */
    public long nightlyNotRun() {
        return items.stream().flatMap(i -> i.nightlyNotRun().stream()).map(TestLine::test).distinct().count();
    }

    /**
     * e.g. {@code Release gate: BLOCKED — 30 passed, 2 failed, 1 broken, 0 skipped, 1 missing (of 34)}; partial, not
     * applicable, inconclusive items and nightly-only tests not run are counted apart
     * ({@code PASSED — 25 passed, 1 partial, 8 not applicable (of 34); 4 nightly-only tests not in this run}).
     */
    public String summary() {
        String partial = counted(ItemStatus.PARTIAL, "partial");
        String notApplicable = counted(ItemStatus.NOT_APPLICABLE, "not applicable");
        long nightly = nightlyNotRun();
        String tail = nightly == 0 ? "" : "; " + nightly + " nightly-only test" + (nightly == 1 ? "" : "s") + " not in this run";
        if (passed()) {
            boolean allPlain = count(ItemStatus.PASSED) == items.size();
            return (allPlain ? "Release gate: PASSED — " + items.size() + " of " + items.size() + " passed"
                    : "Release gate: PASSED — " + count(ItemStatus.PASSED) + " passed" + partial + notApplicable + " (of " + items.size() + ")") + tail;
        }
        long flaky = count(ItemStatus.FLAKY);
        return "Release gate: BLOCKED — " + count(ItemStatus.PASSED) + " passed" + partial + notApplicable
                + counted(ItemStatus.INCONCLUSIVE, "inconclusive (environment)") + ", "
                + (flaky == 0 ? "" : flaky + " flaky, ") + count(ItemStatus.FAILED) + " failed, " + count(ItemStatus.BROKEN) + " broken, "
                + count(ItemStatus.SKIPPED) + " skipped, " + count(ItemStatus.MISSING) + " missing (of " + items.size() + ")" + tail;
    }

    private String counted(ItemStatus status, String label) {
        long n = count(status);
        return n == 0 ? "" : ", " + n + " " + label;
    }

    /** What to do when only the machine held the release back. */
    public String machineLine() {
        long n = count(ItemStatus.INCONCLUSIVE);
        return "release gate: BLOCKED by the machine, not the app — " + n + " item" + (n == 1 ? "" : "s")
                + " inconclusive (environment): rerun with -Dlivecheck.concurrency=1 or on a larger machine";
    }

    public String renderChecklist(Checklist checklist) {
        return renderChecklist(checklist, EvidenceLinks.none());
    }

    String renderChecklist(Checklist checklist, EvidenceLinks links) {
        String summaryLine = summary().replaceFirst("^(Release gate: \\w+)", "**$1**");
        Map<String, String> lines = new LinkedHashMap<>();
        items.forEach(item -> lines.put(item.item().id(), item.checklistLine(links)));
        if (blockedOnlyByTheMachine()) {
            summaryLine += "\n\n" + machineLine().replaceFirst("^release gate: ", "");
        }
        if (staleResults > 0) {
            summaryLine += "\n\n" + staleResults + " result" + (staleResults == 1 ? "" : "s") + " of an earlier run in the results folder "
                    + (staleResults == 1 ? "was" : "were") + " not counted.";
        }
        summaryLine += links.reportPage().map(page -> "\n\nEvery test, its evidence and its history: [the HTML report](" + page + ")").orElse("");
        if (items.stream().anyMatch(item -> !item.figures().isEmpty())) {
            summaryLine += "\n\nReal-time figures, per scenario and direction: [quality.md](quality.md)";
        }
        return checklist.render(summaryLine, lines);
    }

    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode array = root.putArray("items");
        for (ItemVerdict verdict : items) {
            ObjectNode item = array.addObject()
                    .put("id", verdict.item().id())
                    .put("title", verdict.item().title())
                    .put("section", verdict.item().section())
                    .put("status", verdict.status().label())
                    .put("durationMs", verdict.durationMs());
            verdict.notApplicableReason().ifPresent(reason -> item.put("reason", reason));
            verdict.partialReason().ifPresent(reason -> item.put("reason", reason));
            verdict.inconclusiveReason().ifPresent(reason -> item.put("reason", dev.livecheck.redact.Redactor.redact(reason)));
            if (verdict.status() == ItemStatus.MISSING) {
                item.put("reason", verdict.missingText());
            }
            item.put("attempts", verdict.attempts()).put("passedAttempts", verdict.passedAttempts());
            ArrayNode tests = item.putArray("tests");
            for (TestLine line : verdict.tests()) {
                ObjectNode test = tests.addObject().put("test", line.test()).put("name", line.name()).put("nightly", line.nightly())
                        .put("status", line.label());
                if (line.note() != null) {
                    test.put("note", line.note());
                }
            }
            if (!verdict.figures().isEmpty()) {
                ArrayNode figures = item.putArray("figures");
                verdict.figures().forEach(f -> figures.add(mapper.valueToTree(f.values())));
            }
        }
        for (ItemStatus status : List.of(ItemStatus.PASSED, ItemStatus.FAILED, ItemStatus.BROKEN, ItemStatus.SKIPPED, ItemStatus.MISSING,
                ItemStatus.NOT_APPLICABLE, ItemStatus.FLAKY, ItemStatus.PARTIAL, ItemStatus.INCONCLUSIVE)) {
            root.put(status == ItemStatus.NOT_APPLICABLE ? "notApplicable" : status.label(), count(status));
        }
        root.put("nightlyOnlyNotRun", nightlyNotRun());
        root.put("staleResults", staleResults);
        root.put("gate", passed() ? "passed" : "blocked");
        return root;
    }
}
