package dev.livecheck.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.parallel.Isolated;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.gate.ReleaseGate;
import dev.livecheck.junit.RunRecorder;
import dev.livecheck.matrix.SuiteRunner;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * The whole checklist against "Huddle" (src/componentsapp), an app built with LiveKit's React components that
 * nobody shaped to livecheck, seen only through the built-in livekit-components profile and the app's own
 * small profile: every applicable item passes, and the items it cannot have are not applicable, with reasons.
 */
@Tag("selftest")
@Isolated
class ComponentsAppIT {
    /** No login, no bookings, no roles, no recording: what the profile declares. */
    static final Set<String> NOT_APPLICABLE = Set.of("P-01", "P-02", "P-03", "P-07", "P-08", "C-01", "C-02", "C-03", "C-07", "E-02", "E-03", "D-07",
            "SEC-01");

    /**
     * What Huddle gets wrong, found through its profile as on any team's app, with what the failure must say: an
     * expired token is told "Something went wrong while connecting to the room. Check your internet connection" (S-02's
     * wording per situation, #24) — sending a user with a dead token to check their network.
     */
    static final Map<String, String> FINDINGS = Map.of("S-02", "says what went wrong ([EXPIRED])");

    /** About 6 min here: nightly. Every run has Huddle in the bug matrix (a clean run of its items, and its bugs). */
    @Test
    @Tag("nightly")
    void theChecklistRunsOnAComponentsAppThroughItsProfile(@TempDir Path results, @TempDir Path gateOut) throws Exception {
        List<SuiteRunner.Outcome> outcomes = SuiteRunner.run(List.of(selectPackage("dev.livecheck.checklist")),
                SuiteRunner::everyRunChecklistTest,
                Map.of("livecheck.app.command", "node ${livecheck.componentsApp.dir}/server.mjs", "livecheck.app.profile", "components-app"),
                new AllureJunitPlatform(new AllureLifecycle(new FileSystemResultsWriter(results))), RunRecorder.into(results));

        List<SuiteRunner.Outcome> failed = outcomes.stream().filter(o -> o.status() == TestExecutionResult.Status.FAILED).toList();
        assertThat(items(outcomes, TestExecutionResult.Status.FAILED)).as("items that failed on the components app: %s",
                failed.stream().map(o -> o.test() + ": " + o.message()).toList()).isEqualTo(FINDINGS.keySet());
        FINDINGS.forEach((item, why) -> assertThat(failed.stream().filter(o -> o.items().contains(item)).map(SuiteRunner.Outcome::message))
                .as("why %s failed on Huddle", item).allMatch(m -> m.contains(why)));
        Set<String> notApplicable = outcomes.stream().filter(o -> o.message().startsWith("not applicable: ")).flatMap(o -> o.items().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(notApplicable).as("items not applicable").isEqualTo(new TreeSet<>(NOT_APPLICABLE));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ReleaseGate.run(new String[] {"--results", results.toString(), "--checklist", "testdata/checklist.md",
                "--out", gateOut.toString()}, new PrintStream(out), new PrintStream(out));
        JsonNode verdict = new ObjectMapper().readTree(gateOut.resolve("verdict.json").toFile());
        assertThat(verdict.path("notApplicable").asInt()).isEqualTo(NOT_APPLICABLE.size());
        for (JsonNode item : verdict.path("items")) {
            if (NOT_APPLICABLE.contains(item.path("id").asText())) {
                assertThat(item.path("status").asText()).isEqualTo("not applicable");
                assertThat(item.path("reason").asText()).as("the profile's reason for %s", item.path("id").asText()).isNotBlank();
            }
        }
        for (JsonNode item : verdict.path("items")) {
            String id = item.path("id").asText();
            if (!NOT_APPLICABLE.contains(id)) {
                assertThat(item.path("status").asText()).as("the gate's verdict on %s", id)
                        .isIn(FINDINGS.containsKey(id) ? List.of("failed") : List.of("passed", "partial"));
            }
        }
        assertThat(code).as("the gate blocks on Huddle's findings alone (%s)", out).isNotZero();
    }

    private static Set<String> items(List<SuiteRunner.Outcome> outcomes, TestExecutionResult.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).flatMap(o -> o.items().stream()).collect(Collectors.toSet());
    }
}
