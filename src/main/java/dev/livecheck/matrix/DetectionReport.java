package dev.livecheck.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The bug matrix's verdict: per bug, which items failed (and whether every declared one did); per item,
 * which bugs it caught; the detection rate; and whether the clean app was all green.
 *
 * @param failedByBug items that did not pass, per bug (failed or broken)
 * @param cleanFailures items that did not pass on the clean app
 */
public record DetectionReport(Expectations expectations, Map<String, Set<String>> failedByBug, Set<String> cleanFailures,
                              Map<String, Long> secondsByBug) {

    /** Prefix of an item, in {@code failedByBug}, whose test was skipped or could not run: never a detection. */
    public static final String NOT_RUN = "not-run:";
    /** Prefix of an item, in {@code failedByBug}, whose test the machine kept from a verdict: never a detection, reported apart. */
    public static final String INCONCLUSIVE = "inconclusive:";

    public record BugResult(String bug, Set<String> expected, Set<String> failed, Set<String> missed, Set<String> collateral, boolean caught,
                            Set<String> notRun, Set<String> sanityFailed, Set<String> inconclusive) {
    }

    public List<BugResult> bugs() {
        List<BugResult> results = new ArrayList<>();
        expectations.itemsByBug().forEach((bug, expected) -> {
            Set<String> all = failedByBug.getOrDefault(bug, Set.of());
            Set<String> notRun = new TreeSet<>();
            all.stream().filter(id -> id.startsWith(NOT_RUN)).forEach(id -> notRun.add(id.substring(NOT_RUN.length())));
            Set<String> inconclusive = new TreeSet<>();
            all.stream().filter(id -> id.startsWith(INCONCLUSIVE)).forEach(id -> inconclusive.add(id.substring(INCONCLUSIVE.length())));
            Set<String> failed = new TreeSet<>();
            all.stream().filter(id -> !id.startsWith(NOT_RUN) && !id.startsWith(INCONCLUSIVE)).forEach(failed::add);
            Set<String> sanityFailed = new TreeSet<>(failed);
            sanityFailed.retainAll(expectations.sanityOf(bug));
            sanityFailed.removeAll(expected);
            Set<String> missed = new TreeSet<>(expected);
            missed.removeAll(failed);
            missed.removeAll(inconclusive);
            Set<String> collateral = new TreeSet<>(failed);
            collateral.removeAll(expected);
            boolean caught = expected.stream().anyMatch(failed::contains);
            results.add(new BugResult(bug, new TreeSet<>(expected), failed, missed, collateral, caught, notRun, sanityFailed, inconclusive));
        });
        return results;
    }

    public Map<String, Set<String>> bugsByItem() {
        Map<String, Set<String>> byItem = new TreeMap<>();
        for (BugResult r : bugs()) {
            r.failed().forEach(item -> byItem.computeIfAbsent(item, k -> new TreeSet<>()).add(r.bug()));
        }
        return byItem;
    }

    public double detectionRate() {
        List<BugResult> all = bugs();
        return all.isEmpty() ? 0 : (double) all.stream().filter(BugResult::caught).count() / all.size();
    }

    /** The matrix passes when every bug is caught by all its declared items and the clean app is green. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (BugResult r : bugs()) {
            if (!r.caught() && !r.inconclusive().isEmpty() && r.missed().isEmpty()) {
                problems.add("bug " + r.bug() + " has no verdict: its items " + r.expected() + " were inconclusive (environment)");
            } else if (!r.caught()) {
                problems.add("bug " + r.bug() + " was caught by none of its items " + r.expected());
            } else if (!r.missed().isEmpty()) {
                problems.add("bug " + r.bug() + ": declared items stayed green: " + r.missed());
            }
            if (!r.notRun().isEmpty()) {
                problems.add("bug " + r.bug() + ": items skipped or could not run, so prove nothing: " + r.notRun());
            }
            if (!r.inconclusive().isEmpty()) {
                problems.add("bug " + r.bug() + ": items inconclusive (environment: the machine, not the app), so prove nothing: " + r.inconclusive()
                        + " — rerun with -Dlivecheck.matrix.bugs=" + r.bug() + " -Dlivecheck.matrix.shards=1");
            }
            if (!r.sanityFailed().isEmpty()) {
                problems.add("bug " + r.bug() + ": sanity items failed too, so the run is not trustworthy: " + r.sanityFailed());
            }
        }
        if (!cleanFailures.isEmpty()) {
            problems.add("the clean app failed items " + cleanFailures);
        }
        return problems;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# Bug detection matrix\n\n");
        long inconclusive = bugs().stream().filter(r -> !r.inconclusive().isEmpty()).count();
        md.append(String.format("**Detection rate: %.0f%%** (%d of %d bugs caught%s) — clean app: %s — matrix: %s%n%n",
                detectionRate() * 100, bugs().stream().filter(BugResult::caught).count(), bugs().size(),
                inconclusive == 0 ? "" : "; " + inconclusive + " with items inconclusive (environment), never counted as caught",
                cleanFailures.isEmpty() ? "all green" : "FAILED " + cleanFailures, problems().isEmpty() ? "PASSED" : "FAILED"));
        md.append("| bug | caught | items that failed | declared but green | also failed | inconclusive (environment) | time |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (BugResult r : bugs()) {
            md.append("| ").append(r.bug()).append(" | ").append(r.caught() ? "yes" : "**NO**").append(" | ")
                    .append(String.join(", ", r.failed())).append(" | ").append(String.join(", ", r.missed()))
                    .append(" | ").append(String.join(", ", r.collateral())).append(" | ").append(String.join(", ", r.inconclusive())).append(" | ")
                    .append(secondsByBug.getOrDefault(r.bug(), 0L)).append(" s |\n");
        }
        md.append("\n## Per item: the bugs it caught\n\n| item | bugs |\n|---|---|\n");
        bugsByItem().forEach((item, bugs) -> md.append("| ").append(item).append(" | ").append(String.join(", ", bugs)).append(" |\n"));
        if (!problems().isEmpty()) {
            md.append("\n## Problems\n\n");
            problems().forEach(p -> md.append("- ").append(p).append('\n'));
        }
        return md.toString();
    }

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Map<String, Object>> bugs = new ArrayList<>();
        for (BugResult r : bugs()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("bug", r.bug());
            b.put("caught", r.caught());
            b.put("expected", r.expected());
            b.put("failed", r.failed());
            b.put("missed", r.missed());
            b.put("collateral", r.collateral());
            b.put("inconclusive", r.inconclusive());
            b.put("seconds", secondsByBug.getOrDefault(r.bug(), 0L));
            bugs.add(b);
        }
        json.put("bugs", bugs);
        json.put("items", bugsByItem());
        json.put("detectionRate", detectionRate());
        json.put("inconclusive", bugs().stream().filter(r -> !r.inconclusive().isEmpty()).map(BugResult::bug).toList());
        json.put("clean", Map.of("passed", cleanFailures.isEmpty(), "failed", cleanFailures));
        json.put("passed", problems().isEmpty());
        json.put("problems", problems());
        return json;
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("detection.md"), markdown());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("detection.json").toFile(), json());
    }
}
