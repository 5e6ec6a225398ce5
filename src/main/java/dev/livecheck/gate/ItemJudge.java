package dev.livecheck.gate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges one checklist item on this run's results against the tests the run's record expects of it. An item passes only
 * when every expected test in this run's scope ran and passed: a test not in the code any more, or not selected, or
 * selected without a result is missing, and named. Nightly-only tests a run did not select are shown and counted apart.
 *
 * <p>Every attempt counts (a nightly run repeats the checklist into one results folder): a test passes only if all its
 * attempts passed; some passed and some not is FLAKY — unless every attempt that did not pass was inconclusive (the
 * machine, not the app), which is INCONCLUSIVE; none passed is the worst of what they were.
 */
final class ItemJudge {
    static final String NOT_IN_CODE = "expected, but not in the compiled suites: deleted or renamed?";
    static final String NOT_SELECTED = "not in this run: not selected (-Dgroups, -Dit.test or an excluded tag)";
    static final String NO_RESULT = "selected, but no result: it did not run";

    private ItemJudge() {
    }

    static ItemVerdict judge(ChecklistItem item, RunRecord record, List<TestResult> results) {
        Map<String, List<TestResult>> attemptsPerTest = new LinkedHashMap<>();
        for (TestResult result : results) {
            if (result.checklistIds().contains(item.id())) {
                attemptsPerTest.computeIfAbsent(result.test(), k -> new ArrayList<>()).add(result);
            }
        }
        List<TestLine> lines = new ArrayList<>();
        for (RunRecord.Test expected : record.tests()) {
            if (!expected.items().contains(item.id())) {
                continue;
            }
            List<TestResult> attempts = attemptsPerTest.remove(expected.test());
            if (!expected.inCode()) {
                lines.add(TestLine.missing(expected, NOT_IN_CODE + (record.expectation() == null ? "" : " (" + record.expectation() + ")")));
            } else if (!expected.selected() && attempts == null) {
                lines.add(expected.nightly() ? TestLine.nightlyNotRun(expected) : TestLine.missing(expected, NOT_SELECTED));
            } else if (attempts == null) {
                lines.add(TestLine.missing(expected, NO_RESULT));
            } else {
                TestLine judged = judged(expected.test(), expected.name(), expected.nightly(), qualified(attempts, expected));
                lines.add(judged.status() == ItemStatus.NOT_APPLICABLE && expected.notApplicable().checked() != null
                        ? judged.withNote("checked: " + expected.notApplicable().checked()) : judged);
            }
        }
        // a result of this run for a test its record does not list still counts: it ran and says what it says
        attemptsPerTest.forEach((test, attempts) -> lines.add(judged(test, attempts.get(0).displayName(), false, attempts)));
        return verdict(item, lines, record);
    }

    /** The run's record qualifies a result: a skip the profile caused is not applicable; a pass it called partial is partial. */
    private static List<TestResult> qualified(List<TestResult> attempts, RunRecord.Test expected) {
        return attempts.stream().map(r -> {
            if (r.status() == ItemStatus.SKIPPED && expected.notApplicable() != null) {
                return r.as(ItemStatus.NOT_APPLICABLE, expected.notApplicable().reason(), null);
            }
            if (r.status() == ItemStatus.PASSED && expected.partial() != null) {
                return r.as(ItemStatus.PARTIAL, null, expected.partial());
            }
            return r;
        }).toList();
    }

    private static TestLine judged(String test, String name, boolean nightly, List<TestResult> attempts) {
        return new TestLine(test, name, nightly, true, statusOf(attempts), null, attempts);
    }

    static ItemStatus statusOf(List<TestResult> attempts) {
        long passed = attempts.stream().filter(r -> r.status().passedTest()).count();
        if (passed == attempts.size()) {
            return attempts.stream().anyMatch(r -> r.status() == ItemStatus.PARTIAL) ? ItemStatus.PARTIAL : ItemStatus.PASSED;
        }
        if (passed > 0) {
            boolean machineOnly = attempts.stream().filter(r -> !r.status().passedTest()).allMatch(r -> r.status() == ItemStatus.INCONCLUSIVE);
            return machineOnly ? ItemStatus.INCONCLUSIVE : ItemStatus.FLAKY;
        }
        return attempts.stream().map(TestResult::status).reduce(ItemStatus.PASSED, ItemStatus::worse);
    }

    private static ItemVerdict verdict(ChecklistItem item, List<TestLine> lines, RunRecord record) {
        List<TestLine> inScope = lines.stream().filter(TestLine::inScope).toList();
        if (inScope.isEmpty()) {
            String why = record.tests().isEmpty() ? "no checklist test ran" : lines.isEmpty() ? "no test checks it"
                    : "only nightly-only tests check it, and none ran in this run";
            return new ItemVerdict(item, ItemStatus.MISSING, 0, List.of(), 0, 0, List.copyOf(lines), why);
        }
        ItemStatus status = ItemStatus.PASSED;
        long durationMs = 0;
        int attempts = 0;
        int passed = 0;
        List<TestResult> evidence = new ArrayList<>();
        for (TestLine line : inScope) {
            status = status.worse(line.status());
            if (line.attempts().isEmpty()) {
                continue;
            }
            TestResult latest = line.attempts().stream().reduce(TestResult::later).orElseThrow();
            durationMs += latest.durationMs();
            attempts += line.attempts().size();
            passed += (int) line.attempts().stream().filter(r -> r.status().passedTest()).count();
            evidence.add(latest);
            // a flaky test's story is in its failed attempts
            line.attempts().stream().filter(r -> r != latest && !r.status().releasable()).forEach(evidence::add);
        }
        // Result files have random names; sort so the report reads the same on every run.
        evidence.sort(Comparator.comparing(TestResult::displayName).thenComparing(TestResult::stop));
        return new ItemVerdict(item, status, durationMs, List.copyOf(evidence), attempts, passed, List.copyOf(lines), null);
    }
}
