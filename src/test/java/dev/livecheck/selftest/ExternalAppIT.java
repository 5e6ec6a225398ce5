package dev.livecheck.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.parallel.Isolated;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.app.AppProcess;
import dev.livecheck.config.Settings;
import dev.livecheck.gate.ReleaseGate;
import dev.livecheck.junit.Checks;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.LiveKitServers;
import dev.livecheck.matrix.SuiteRunner;
import dev.livecheck.net.MediaEndpoint;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * The reference app started as a separate process and driven only through its URL and profile, with LiveKit in
 * external mode: what a team does with its own app and deployment. Nothing is skipped: the faults come from
 * the browsers and their network paths, not from the app or the server.
 */
@Tag("selftest")
@Isolated
class ExternalAppIT {
    /** The items that need faults or keys: the ones a LiveKit URL with a host name must not change. */
    private static final Set<String> FAULT_ITEMS = Set.of("D-01", "S-02", "E-01", "E-04");
    private static final long CONNECT_TIMEOUT_MS = 5000;

    /** The whole checklist once more (about 6 min here): nightly; every run has the fault items below. */
    @Test
    @Tag("nightly")
    void theWholeChecklistRunsAgainstAnExternalAppWithAnIpLiveKitUrl(@TempDir Path results, @TempDir Path gateOut) throws Exception {
        try (LiveKitServer livekit = LiveKitServers.start(Settings.fromSystem().with("livecheck.livekit.mode", "binary"));
             AppProcess app = referenceApp(livekit, livekit.wsUrl())) {
            List<SuiteRunner.Outcome> outcomes = run(external(livekit, app), m -> true, results);

            assertThat(items(outcomes, TestExecutionResult.Status.ABORTED)).as("items skipped").isEmpty();
            assertThat(items(outcomes, TestExecutionResult.Status.FAILED)).as("items that failed: %s", failures(outcomes)).isEmpty();
            assertThat(outcomes).hasSizeGreaterThanOrEqualTo(34);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = ReleaseGate.run(new String[] {"--results", results.toString(), "--checklist", "testdata/checklist.md",
                    "--out", gateOut.toString()}, new PrintStream(out), new PrintStream(out));
            JsonNode verdict = new ObjectMapper().readTree(gateOut.resolve("verdict.json").toFile());
            assertThat(verdict.path("skipped").asInt()).isZero();
            assertThat(code).as("the gate on an external run (%s)", out).isZero();
        }
    }

    @Test
    void theFaultItemsRunAgainstAnExternalAppWithAHostNameLiveKitUrl(@TempDir Path results) throws Exception {
        try (LiveKitServer livekit = LiveKitServers.start(Settings.fromSystem().with("livecheck.livekit.mode", "binary"))) {
            String named = livekit.wsUrl().replace("127.0.0.1", "livekit.test");
            try (AppProcess app = referenceApp(livekit, named)) {
                Map<String, String> settings = external(livekit, app);
                settings.put("livecheck.hosts", "livekit.test=127.0.0.1");
                settings.put("livecheck.app.livekitUrl", named);
                List<SuiteRunner.Outcome> outcomes = run(settings,
                        m -> Arrays.stream(m.getAnnotation(Checks.class).value()).anyMatch(FAULT_ITEMS::contains), results);

                assertThat(outcomes.stream().flatMap(o -> o.items().stream()).collect(Collectors.toSet())).containsAll(FAULT_ITEMS);
                assertThat(items(outcomes, TestExecutionResult.Status.ABORTED)).as("items skipped").isEmpty();
                assertThat(items(outcomes, TestExecutionResult.Status.FAILED)).as("items that failed: %s", failures(outcomes)).isEmpty();
            }
        }
    }

    private static AppProcess referenceApp(LiveKitServer livekit, String livekitUrl) {
        Settings settings = Settings.fromSystem();
        return AppProcess.referenceApp(Map.of(
                "LIVEKIT_URL", livekitUrl, "LIVEKIT_API_KEY", livekit.credentials().apiKey(),
                "LIVEKIT_API_SECRET", livekit.credentials().apiSecret(),
                "LIVEKIT_CLIENT_JS", settings.getOr("livecheck.livekitClient.js", ""),
                "LIVECHECK_APP_SEED", Path.of("testdata/reference-app/seed.json").toAbsolutePath().toString(),
                // deployed with a 5 s connection timeout, and its profile says so: E-01 holds it to that
                "LIVECHECK_APP_CONNECT_TIMEOUT_MS", Long.toString(CONNECT_TIMEOUT_MS)));
    }

    /** livecheck told only what a team would tell it: the app's URL and profile, the LiveKit's URL, key, secret and media ports. */
    private static Map<String, String> external(LiveKitServer livekit, AppProcess app) {
        Map<String, String> settings = new HashMap<>();
        settings.put("livecheck.livekit.mode", "external");
        settings.put("livecheck.livekit.url", livekit.wsUrl());
        settings.put("livecheck.livekit.apiKey", livekit.credentials().apiKey());
        settings.put("livecheck.livekit.apiSecret", livekit.credentials().apiSecret());
        settings.put("livecheck.livekit.mediaEndpoints", livekit.mediaEndpoints().stream().map(MediaEndpoint::key).collect(Collectors.joining(",")));
        settings.put("livecheck.app.url", app.url());
        settings.put("livecheck.app.profile", "reference-app");
        settings.put("livecheck.profile.conventions.connectTimeoutMs", Long.toString(CONNECT_TIMEOUT_MS));
        return settings;
    }

    private static List<SuiteRunner.Outcome> run(Map<String, String> settings, Predicate<Method> which, Path results) {
        return SuiteRunner.run(List.of(selectPackage("dev.livecheck.checklist")),
                m -> SuiteRunner.everyRunChecklistTest(m) && which.test(m), settings,
                new AllureJunitPlatform(new AllureLifecycle(new FileSystemResultsWriter(results))));
    }

    private static Set<String> items(List<SuiteRunner.Outcome> outcomes, TestExecutionResult.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).flatMap(o -> o.items().stream()).collect(Collectors.toSet());
    }

    private static List<String> failures(List<SuiteRunner.Outcome> outcomes) {
        return outcomes.stream().filter(o -> !o.passed()).map(o -> o.test() + ": " + o.message()).toList();
    }
}
