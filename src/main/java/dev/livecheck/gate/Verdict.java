package dev.livecheck.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every checklist item's verdict, aggregated from the Allure results. */
public final class Verdict {

    private final List<ItemVerdict> items;

    private Verdict(List<ItemVerdict> items) {
        this.items = List.copyOf(items);
    }

    public static Verdict of(Checklist checklist, List<TestResult> results) throws GateInputException {
        for (TestResult result : results) {
            for (String id : result.checklistIds()) {
                if (!checklist.contains(id)) {
                    throw new GateInputException("unknown checklist id " + id + " in result " + result.displayName()
                            + " — add it to testdata/checklist.md or fix the @Checks annotation");
                }
            }
        }
        List<ItemVerdict> verdicts = new ArrayList<>();
        for (ChecklistItem item : checklist.items()) {
            verdicts.add(judge(item, results));
        }
        return new Verdict(verdicts);
    }

    /**
     * Every attempt counts (a nightly run repeats the checklist into one results folder): a test passes only if
     * all its attempts passed; some passed and some not is FLAKY; none passed is the worst of what they were.
     */
    private static ItemVerdict judge(ChecklistItem item, List<TestResult> results) {
        Map<String, List<TestResult>> attemptsPerTest = new LinkedHashMap<>();
        for (TestResult result : results) {
            if (result.checklistIds().contains(item.id())) {
                attemptsPerTest.computeIfAbsent(result.testKey(), k -> new ArrayList<>()).add(result);
            }
        }
        if (attemptsPerTest.isEmpty()) {
            return new ItemVerdict(item, ItemStatus.MISSING, 0, List.of(), 0, 0);
        }
        ItemStatus status = ItemStatus.PASSED;
        long durationMs = 0;
        int attempts = 0;
        int passed = 0;
        List<TestResult> evidence = new ArrayList<>();
        for (List<TestResult> testAttempts : attemptsPerTest.values()) {
            status = status.worse(statusOf(testAttempts));
            TestResult latest = testAttempts.stream().reduce(TestResult::later).orElseThrow();
            durationMs += latest.durationMs();
            attempts += testAttempts.size();
            passed += (int) testAttempts.stream().filter(r -> r.status() == ItemStatus.PASSED).count();
            evidence.add(latest);
            // a flaky test's story is in its failed attempts
            testAttempts.stream().filter(r -> r != latest && !r.status().releasable()).forEach(evidence::add);
        }
        // Result files have random names; sort so the report reads the same on every run.
        evidence.sort(Comparator.comparing(TestResult::displayName).thenComparing(TestResult::stop));
        return new ItemVerdict(item, status, durationMs, List.copyOf(evidence), attempts, passed);
    }

    private static ItemStatus statusOf(List<TestResult> attempts) {
        long passed = attempts.stream().filter(r -> r.status() == ItemStatus.PASSED).count();
        if (passed == attempts.size()) {
            return ItemStatus.PASSED;
        }
        if (passed > 0) {
            return ItemStatus.FLAKY;
        }
        return attempts.stream().map(TestResult::status).reduce(ItemStatus.PASSED, ItemStatus::worse);
    }

    public List<ItemVerdict> items() {
        return items;
    }

    /** Every item passed or does not apply to the app. */
    public boolean passed() {
        return items.stream().allMatch(item -> item.status().releasable());
    }

    public List<ItemVerdict> blocking() {
        return items.stream().filter(item -> !item.status().releasable()).toList();
    }

    public long count(ItemStatus status) {
        return items.stream().filter(item -> item.status() == status).count();
    }

    /**
     * e.g. {@code Release gate: BLOCKED — 30 passed, 2 failed, 1 broken, 0 skipped, 1 missing (of 34)}; not applicable
     * items are counted apart ({@code PASSED — 26 passed, 8 not applicable (of 34)}).
     */
    public String summary() {
        long na = count(ItemStatus.NOT_APPLICABLE);
        String notApplicable = na == 0 ? "" : ", " + na + " not applicable";
        if (passed()) {
            return na == 0 ? "Release gate: PASSED — " + items.size() + " of " + items.size() + " passed"
                    : "Release gate: PASSED — " + count(ItemStatus.PASSED) + " passed" + notApplicable + " (of " + items.size() + ")";
        }
        long flaky = count(ItemStatus.FLAKY);
        return "Release gate: BLOCKED — " + count(ItemStatus.PASSED) + " passed" + notApplicable + ", "
                + (flaky == 0 ? "" : flaky + " flaky, ") + count(ItemStatus.FAILED) + " failed, " + count(ItemStatus.BROKEN) + " broken, " + count(ItemStatus.SKIPPED) + " skipped, "
                + count(ItemStatus.MISSING) + " missing (of " + items.size() + ")";
    }

    public String renderChecklist(Checklist checklist) {
        return renderChecklist(checklist, EvidenceLinks.none());
    }

    String renderChecklist(Checklist checklist, EvidenceLinks links) {
        String summaryLine = summary().replaceFirst("^(Release gate: \\w+)", "**$1**");
        Map<String, String> lines = new LinkedHashMap<>();
        items.forEach(item -> lines.put(item.item().id(), item.checklistLine(links)));
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
            item.put("attempts", verdict.attempts()).put("passedAttempts", verdict.passedAttempts());
            if (!verdict.figures().isEmpty()) {
                ArrayNode figures = item.putArray("figures");
                verdict.figures().forEach(f -> figures.add(mapper.valueToTree(f.values())));
            }
        }
        for (ItemStatus status : List.of(ItemStatus.PASSED, ItemStatus.FAILED, ItemStatus.BROKEN, ItemStatus.SKIPPED, ItemStatus.MISSING,
                ItemStatus.NOT_APPLICABLE, ItemStatus.FLAKY)) {
            root.put(status == ItemStatus.NOT_APPLICABLE ? "notApplicable" : status.label(), count(status));
        }
        root.put("gate", passed() ? "passed" : "blocked");
        return root;
    }
}
