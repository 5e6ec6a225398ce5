package dev.livecheck.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.gate.ReleaseGate;
import dev.livecheck.junit.RunRecorder;
import dev.livecheck.matrix.cases.MachineCase;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The inconclusive contract end to end, on a real launch: a test ended with {@code Inconclusive.because} is an Allure
 * result "broken" with the label {@code inconclusive}, which the gate reports inconclusive (environment); the bug
 * matrix's runner never takes it for a failed check (a detection), while the app's own failure still is one.
 */
class InconclusiveOutcomeTest {
    @TempDir
    Path dir;

    @Test
    void theMachinesVerdictIsNeitherADetectionNorTheAppsFailure() throws Exception {
        Path results = dir.resolve("allure-results");
        List<SuiteRunner.Outcome> outcomes = SuiteRunner.run(List.of(selectClass(MachineCase.class)), m -> true, Map.of(),
                new AllureJunitPlatform(new AllureLifecycle(new FileSystemResultsWriter(results))), RunRecorder.into(results));

        Map<String, SuiteRunner.Outcome> byItem = new HashMap<>();
        outcomes.forEach(o -> o.items().forEach(i -> byItem.put(i, o)));
        assertThat(byItem.get("C-10").inconclusive()).isTrue();
        assertThat(byItem.get("C-10").failedCheck()).as("never a detection").isFalse();
        assertThat(byItem.get("C-09").failedCheck()).as("the app's failure still is").isTrue();

        Path out = dir.resolve("out");
        ReleaseGate.run(new String[] {"--results", results.toString(), "--checklist", "testdata/checklist.md", "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        Map<String, JsonNode> items = new HashMap<>();
        new ObjectMapper().readTree(out.resolve("verdict.json").toFile()).path("items").forEach(i -> items.put(i.path("id").asText(), i));
        assertThat(items.get("C-10").path("status").asText()).isEqualTo("inconclusive");
        assertThat(items.get("C-10").path("reason").asText()).isEqualTo("LiveKit logged high CPU load during the window; sender limited by cpu 62 % of samples");
        assertThat(items.get("C-09").path("status").asText()).isEqualTo("failed");
    }
}
