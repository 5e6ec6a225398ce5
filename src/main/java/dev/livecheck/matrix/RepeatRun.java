package dev.livecheck.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qameta.allure.junitplatform.AllureJunitPlatform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * Runs the whole checklist N times in one JVM, classes at once as in {@code mvn verify} ({@link dev.livecheck.junit.Concurrency}),
 * and writes a flake summary: per item, passes and failures over the N runs. Exits 1 when any run of any item failed.
 *
 * <pre>mvn verify -Prepeat -Dlivecheck.repeat=10</pre>
 */
public final class RepeatRun {
    private RepeatRun() {
    }

    /** One item's record over the runs; inconclusive: a shortfall on a machine busy with others' work (never a pass, nor the app's failure). */
    public record ItemRecord(int passed, int failed, int inconclusive, List<String> failures) {
        boolean flaky() {
            return passed > 0 && failed > 0;
        }
    }

    public static void main(String[] args) throws IOException {
        int times = Integer.parseInt(System.getProperty("livecheck.repeat", "3"));
        Path out = Path.of(System.getProperty("livecheck.out", "target/livecheck"));
        Map<String, ItemRecord> items = new TreeMap<>();
        Instant started = Instant.now();
        // the N runs are one run for the gate (every attempt counts); with kept results, one with the run already in the folder
        Path results = Path.of(io.qameta.allure.util.PropertiesUtils.loadAllureProperties().getProperty("allure.results.directory", "allure-results"));
        dev.livecheck.junit.RunRecorder recorder = Boolean.getBoolean("livecheck.keepResults")
                ? dev.livecheck.junit.RunRecorder.continuing(results) : dev.livecheck.junit.RunRecorder.into(results);
        for (int run = 1; run <= times; run++) {
            System.out.printf("[repeat] run %d/%d (elapsed %d s)%n", run, times, Duration.between(started, Instant.now()).toSeconds());
            List<SuiteRunner.Outcome> outcomes = SuiteRunner.runConcurrently(List.of(selectPackage("dev.livecheck.checklist")),
                    SuiteRunner::everyRunChecklistTest, Map.of(),
                    new AllureJunitPlatform(), recorder);
            for (SuiteRunner.Outcome o : outcomes) {
                for (String id : o.items()) {
                    ItemRecord r = items.getOrDefault(id, new ItemRecord(0, 0, 0, List.of()));
                    List<String> failures = new ArrayList<>(r.failures());
                    String status = o.inconclusive() ? "INCONCLUSIVE (environment)" : o.status().toString();
                    if (!o.passed()) {
                        failures.add("run " + run + ": " + status + ": " + o.message().lines().findFirst().orElse(""));
                        System.out.println("[repeat]   " + o.test() + ": " + status + " — " + o.message().lines().findFirst().orElse(""));
                    }
                    boolean failed = !o.passed() && !o.inconclusive();
                    items.put(id, new ItemRecord(r.passed() + (o.passed() ? 1 : 0), r.failed() + (failed ? 1 : 0),
                            r.inconclusive() + (o.inconclusive() ? 1 : 0), failures));
                }
            }
        }
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        write(out, times, items, seconds);
        long failedRuns = items.values().stream().mapToLong(ItemRecord::failed).sum();
        long inconclusiveRuns = items.values().stream().mapToLong(ItemRecord::inconclusive).sum();
        System.out.printf("[repeat] %d runs in %d s: %d item failures, %d inconclusive (environment), %d flaky items; summary in %s%n", times,
                seconds, failedRuns, inconclusiveRuns, items.values().stream().filter(ItemRecord::flaky).count(), out.resolve("flakes.md").toAbsolutePath());
        System.exit(failedRuns == 0 && inconclusiveRuns == 0 ? 0 : 1);
    }

    private static void write(Path out, int times, Map<String, ItemRecord> items, long seconds) throws IOException {
        Files.createDirectories(out);
        StringBuilder md = new StringBuilder("# Flake summary\n\n");
        md.append(times).append(" runs of the checklist in ").append(seconds)
                .append(" s.\n\n| item | passed | failed | inconclusive (environment) | flaky |\n|---|---|---|---|---|\n");
        items.forEach((id, r) -> md.append("| ").append(id).append(" | ").append(r.passed()).append(" | ").append(r.failed())
                .append(" | ").append(r.inconclusive()).append(" | ").append(r.flaky() ? "**yes**" : "").append(" |\n"));
        items.forEach((id, r) -> r.failures().forEach(f -> md.append("\n- ").append(id).append(" ").append(f)));
        Files.writeString(out.resolve("flakes.md"), md.append('\n').toString());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runs", times);
        json.put("seconds", seconds);
        json.put("items", items);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("flakes.json").toFile(), json);
    }
}
