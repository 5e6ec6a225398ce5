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

    private static ItemVerdict judge(ChecklistItem item, List<TestResult> results) {
        Map<String, TestResult> latestPerTest = new LinkedHashMap<>();
        for (TestResult result : results) {
            if (result.checklistIds().contains(item.id())) {
                latestPerTest.merge(result.testKey(), result, TestResult::later);
            }
        }
        if (latestPerTest.isEmpty()) {
            return new ItemVerdict(item, ItemStatus.MISSING, 0, List.of());
        }
        ItemStatus status = ItemStatus.PASSED;
        long durationMs = 0;
        for (TestResult result : latestPerTest.values()) {
            status = status.worse(result.status());
            durationMs += result.durationMs();
        }
        // Result files have random names; sort so the report reads the same on every run.
        List<TestResult> evidence = latestPerTest.values().stream()
                .sorted(Comparator.comparing(TestResult::displayName))
                .toList();
        return new ItemVerdict(item, status, durationMs, evidence);
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
        return "Release gate: BLOCKED — " + count(ItemStatus.PASSED) + " passed" + notApplicable + ", " + count(ItemStatus.FAILED)
                + " failed, " + count(ItemStatus.BROKEN) + " broken, " + count(ItemStatus.SKIPPED) + " skipped, "
                + count(ItemStatus.MISSING) + " missing (of " + items.size() + ")";
    }

    public String renderChecklist(Checklist checklist) {
        String summaryLine = summary().replaceFirst("^(Release gate: \\w+)", "**$1**");
        Map<String, String> lines = new LinkedHashMap<>();
        items.forEach(item -> lines.put(item.item().id(), item.checklistLine()));
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
        }
        for (ItemStatus status : List.of(ItemStatus.PASSED, ItemStatus.FAILED, ItemStatus.BROKEN, ItemStatus.SKIPPED, ItemStatus.MISSING,
                ItemStatus.NOT_APPLICABLE)) {
            root.put(status == ItemStatus.NOT_APPLICABLE ? "notApplicable" : status.label(), count(status));
        }
        root.put("gate", passed() ? "passed" : "blocked");
        return root;
    }
}
