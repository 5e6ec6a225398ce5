package dev.livecheck.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.gate.ReleaseGate;
import dev.livecheck.gate.RunRecord;
import dev.livecheck.junit.recorded.RecordedCases;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A real JUnit launch (no app, no browser) with Allure writing results and livecheck's recorder beside it, then the gate
 * over the folder: the record lists the code's checklist tests and what the run selected, the results carry the run's id,
 * and the gate holds the run to it — a test the committed expectation names and the code lacks is missing, a result an
 * earlier run left in the folder is not counted, the profile's not-applicable and a test's partial come from the record.
 */
class RunRecorderTest {
    private static final String CASES = RecordedCases.class.getName();

    @TempDir
    Path dir;

    @Test
    void theGateHoldsARunToItsRecord() throws Exception {
        Path results = dir.resolve("allure-results");
        Files.createDirectories(results);
        // an earlier run left a pass of the test that fails now
        Files.writeString(results.resolve("old-result.json".replace("old-", "00000000-0000-0000-0000-000000000000-")),
                "{\"fullName\":\"" + CASES + ".fails\",\"status\":\"passed\",\"labels\":[{\"name\":\"checklist\",\"value\":\"C-02\"},"
                        + "{\"name\":\"livecheckRun\",\"value\":\"an-earlier-run\"}]}");
        // the committed expectation still names a test the code no longer has
        Path expectation = dir.resolve("checklist-tests.txt");
        Files.writeString(expectation, ChecklistSuites.format(ChecklistSuites.inCode(List.of("dev.livecheck.junit.recorded")))
                + "P-01 " + CASES + ".passesUnderItsOldName\n");

        launch(results, expectation);

        RunRecord record = RunRecord.read(results).orElseThrow();
        assertThat(record.test(CASES + ".runsOnlyAtNight")).hasValueSatisfying(t -> assertThat(t.nightly() && !t.selected()).isTrue());
        assertThat(record.test(CASES + ".isNotApplicableForHuddle").orElseThrow().notApplicable().reason()).contains("bookings");
        assertThat(record.test(CASES + ".checksOnlyPart").orElseThrow().partial()).isEqualTo("the app is joined by URL");
        assertThat(record.test(CASES + ".passesUnderItsOldName")).hasValueSatisfying(t -> assertThat(t.inCode()).isFalse());
        assertThat(record.finished()).isNotNull();
        assertThat(labels(results, CASES + ".passes")).containsEntry(RunRecord.RUN_LABEL, record.runId());
        assertThat(System.getProperty("allure.label." + RunRecord.RUN_LABEL)).as("the run's label is the run's alone").isNull();

        Path out = dir.resolve("out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = ReleaseGate.run(new String[] {"--results", results.toString(), "--checklist", "testdata/checklist.md", "--out", out.toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stdout, true, StandardCharsets.UTF_8));
        String checklist = Files.readString(out.resolve("checklist.md"));
        JsonNode verdict = new ObjectMapper().readTree(out.resolve("verdict.json").toFile());

        assertThat(code).isEqualTo(1);
        assertThat(checklist).contains(
                "- [ ] P-01 Login successfully — missing: RecordedCases.passesUnderItsOldName (expected, but not in the compiled suites: deleted or renamed?",
                "- [-] P-02 Navigate to Provider Bookings — not applicable: ",
                "- [x] D-02 Both users can access the same URL — passed — partial: the app is joined by URL",
                "- [ ] C-02 Navigate to My Bookings — FAILED: boom",
                "- [x] E-04 Network issues handled gracefully — passed — 1 of 2 tests; 1 nightly-only, not in this run");
        assertThat(verdict.path("staleResults").asInt()).isEqualTo(1);
        assertThat(verdict.path("run").path("id").asText()).isEqualTo(record.runId());
    }

    @Test
    void keptResultsContinueTheRunRecordedThere() throws Exception {
        Path results = dir.resolve("kept");
        launch(results, null);
        String first = RunRecord.read(results).orElseThrow().runId();
        launch(results, null);
        assertThat(RunRecord.read(results).orElseThrow().runId()).as("a new launch, a new run").isNotEqualTo(first);

        String second = RunRecord.read(results).orElseThrow().runId();
        launchWith(RunRecorder.continuing(results), results, null);
        assertThat(RunRecord.read(results).orElseThrow().runId()).as("kept results: the same run").isEqualTo(second);
    }

    private static void launch(Path results, Path expectation) {
        launchWith(RunRecorder.into(results), results, expectation);
    }

    private static void launchWith(RunRecorder recorder, Path results, Path expectation) {
        String before = System.getProperty("livecheck.expectedTests");
        if (expectation != null) {
            System.setProperty("livecheck.expectedTests", expectation.toString());
        }
        try {
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build()).execute(
                    LauncherDiscoveryRequestBuilder.request().selectors(selectClass(RecordedCases.class)).filters(TagFilter.excludeTags("nightly")).build(),
                    new AllureJunitPlatform(new AllureLifecycle(new FileSystemResultsWriter(results))), recorder);
        } finally {
            if (before == null) {
                System.clearProperty("livecheck.expectedTests");
            } else {
                System.setProperty("livecheck.expectedTests", before);
            }
        }
    }

    private static Map<String, String> labels(Path results, String fullName) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(results)) {
            for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                JsonNode r = json.readTree(f.toFile());
                if (fullName.equals(r.path("fullName").asText()) && r.has("uuid")) {
                    Map<String, String> labels = new HashMap<>();
                    r.path("labels").forEach(l -> labels.put(l.path("name").asText(), l.path("value").asText()));
                    return labels;
                }
            }
        }
        throw new AssertionError("no result for " + fullName);
    }
}
