package dev.livecheck.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.app.AppProcess;
import dev.livecheck.config.Settings;
import dev.livecheck.gate.ReleaseGate;
import dev.livecheck.junit.Checks;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.LiveKitServers;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * The reference app started as a separate process and driven purely through the app contract, with
 * LiveKit in external mode: what a team does with its own app and deployment. Items that need the
 * reference app's insides or a LiveKit livecheck controls are skipped with a reason, and the gate
 * reports them as skipped, never as passed.
 */
@Tag("selftest")
class ExternalAppIT {
    private static final Set<String> NEED_CONTROL = Set.of("D-01", "S-02", "E-01", "E-04");

    @Test
    void theChecklistRunsAgainstAnExternalAppAndAnExternalLiveKit(@TempDir Path results, @TempDir Path gateOut) throws Exception {
        Settings settings = Settings.fromSystem();
        try (LiveKitServer livekit = LiveKitServers.start(settings.with("livecheck.livekit.mode", "binary"));
             AppProcess app = AppProcess.referenceApp(Map.of(
                     "LIVEKIT_URL", livekit.wsUrl(), "LIVEKIT_API_KEY", livekit.credentials().apiKey(),
                     "LIVEKIT_API_SECRET", livekit.credentials().apiSecret(),
                     "LIVEKIT_CLIENT_JS", settings.getOr("livecheck.livekitClient.js", ""),
                     "LIVECHECK_APP_SEED", Path.of("testdata/reference-app/seed.json").toAbsolutePath().toString()))) {
            Map<String, String> external = new HashMap<>();
            external.put("livecheck.livekit.mode", "external");
            external.put("livecheck.livekit.url", livekit.wsUrl());
            external.put("livecheck.livekit.apiKey", livekit.credentials().apiKey());
            external.put("livecheck.livekit.apiSecret", livekit.credentials().apiSecret());
            external.put("livecheck.app.url", app.url());

            List<SuiteRunner.Outcome> outcomes = SuiteRunner.run(List.of(selectPackage("dev.livecheck.checklist")),
                    m -> m.getDeclaringClass().getSimpleName().endsWith("IT") && m.isAnnotationPresent(Checks.class), external,
                    new AllureJunitPlatform(new AllureLifecycle(new FileSystemResultsWriter(results))));

            Set<String> skipped = items(outcomes, TestExecutionResult.Status.ABORTED);
            Set<String> failed = items(outcomes, TestExecutionResult.Status.FAILED);
            assertThat(failed).as("items that failed against the external app: %s", outcomes.stream().filter(o -> !o.passed())
                    .map(o -> o.test() + ": " + o.message()).toList()).isEmpty();
            assertThat(skipped).as("items skipped with a reason").containsAll(Set.of("D-01", "S-02")).isSubsetOf(NEED_CONTROL);
            assertThat(outcomes).hasSizeGreaterThanOrEqualTo(34);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = ReleaseGate.run(new String[] {"--results", results.toString(), "--checklist", "testdata/checklist.md",
                    "--out", gateOut.toString()}, new PrintStream(out), new PrintStream(out));
            assertThat(code).as("the gate blocks a release with skipped items").isEqualTo(1);
            JsonNode verdict = new ObjectMapper().readTree(gateOut.resolve("verdict.json").toFile());
            for (JsonNode item : verdict.path("items")) {
                String expected = skipped.contains(item.path("id").asText()) ? "skipped" : "passed";
                assertThat(item.path("status").asText()).as("gate status of %s", item.path("id").asText()).isEqualTo(expected);
            }
        }
    }

    private static Set<String> items(List<SuiteRunner.Outcome> outcomes, TestExecutionResult.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).flatMap(o -> o.items().stream()).collect(Collectors.toSet());
    }
}
