package dev.livecheck.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.gate.ReleaseGate;
import dev.livecheck.junit.ChecklistSuites;
import dev.livecheck.junit.RunRecorder;
import dev.livecheck.matrix.SuiteRunner;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.engine.TestExecutionResult;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * A profile's "not applicable" is held against the real app: the reference app told by its profile that it has no
 * screen sharing, no recording, no roles, no login — which its pages and LiveKit contradict — fails those items with
 * "the profile says not applicable, but …" and what was seen; Huddle's own claims (no login, no recording, no roles,
 * no bookings) hold, and the gate says what was looked at (bookings: nothing to look at, the profile's word). With the committed list of the checklist's tests naming a
 * test the suites no longer have, the gate names it missing.
 */
@Tag("selftest")
@Isolated
class NotApplicableClaimsIT {
    private static final String BUT = "the profile says not applicable";

    @Test
    void claimsTheReferenceAppContradictsFail(@TempDir Path results) {
        Map<String, String> overrides = Map.of(
                "livecheck.profile.notApplicable.screenShare", "this app has no screen sharing",
                "livecheck.profile.notApplicable.recording", "this app does not record",
                "livecheck.profile.notApplicable.roles", "this app has no roles");

        Map<String, SuiteRunner.Outcome> outcomes = run(overrides, results, "ProviderChecklistIT.sharesScreen",
                "ProviderChecklistIT.seesRecordingControls", "DiagnosticsIT.metadataIncludesRole");

        assertThat(outcomes.get("P-09")).satisfies(o -> assertFailed(o, "the provider's session page shows a screen-share control",
                "session.shareScreen (testid:share-screen)"));
        assertThat(outcomes.get("P-07")).satisfies(o -> assertFailed(o, "the provider's session page shows recording controls"));
        assertThat(outcomes.get("D-07")).satisfies(o -> assertFailed(o, "LiveKit lists the provider (provider-101) with metadata", "\"role\""));
    }

    @Test
    void aLoginClaimTheAppsRootContradictsFails(@TempDir Path results) {
        Map<String, SuiteRunner.Outcome> outcomes = run(Map.of("livecheck.profile.notApplicable.login", "this app has no login",
                // the profile no longer fits an app that sends everyone to log in: its check would stop the run first
                "livecheck.app.profileCheck", "false"), results, "ProviderChecklistIT.logsIn");

        assertThat(outcomes.get("P-01")).satisfies(o -> assertFailed(o, "the app's root (", "shows a login form: <input", "type=\"password\""));
    }

    @Test
    void huddlesClaimsHoldAndTheGateSaysWhatWasLookedAt(@TempDir Path results, @TempDir Path out) throws Exception {
        // the committed list, as if DiagnosticsIT.roomNameMatches had been renamed and the list not told
        Path expectation = results.resolveSibling(results.getFileName() + "-checklist-tests.txt");
        String committed = new String(getClass().getClassLoader().getResourceAsStream(ChecklistSuites.EXPECTATION).readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(expectation, committed + "D-05 dev.livecheck.checklist.DiagnosticsIT.roomNameMatchesBeforeTheRename\n");
        Map<String, String> huddle = Map.of("livecheck.app.command", "node ${livecheck.componentsApp.dir}/server.mjs",
                "livecheck.app.profile", "components-app", "livecheck.expectedTests", expectation.toString());

        Map<String, SuiteRunner.Outcome> outcomes = run(huddle, results, "ProviderChecklistIT.logsIn", "ProviderChecklistIT.seesRecordingControls",
                "DiagnosticsIT.metadataIncludesRole", "ProviderChecklistIT.findsLiveBooking");
        assertThat(outcomes.values()).as("Huddle's claims hold: %s", outcomes.values()).allMatch(o -> o.status() == TestExecutionResult.Status.ABORTED);

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ReleaseGate.run(new String[] {"--results", results.toString(), "--checklist", "testdata/checklist.md", "--out", out.toString(),
                "--enforce=false"}, new PrintStream(console, true, StandardCharsets.UTF_8), new PrintStream(console, true, StandardCharsets.UTF_8));
        Map<String, JsonNode> items = new HashMap<>();
        new ObjectMapper().readTree(out.resolve("verdict.json").toFile()).path("items").forEach(i -> items.put(i.path("id").asText(), i));
        String checklist = Files.readString(out.resolve("checklist.md"));

        assertThat(items.get("P-01").path("status").asText()).isEqualTo("not applicable");
        assertThat(checklist).contains("- [-] P-01 Login successfully — not applicable: ", "(checked: no password field at http://localhost:",
                "- [-] P-07 Recording controls are visible — not applicable: ", "(checked: no recording controls on the provider's session page,",
                "- [-] D-07 Metadata includes role field — not applicable: ", "(checked: no role in the provider's LiveKit metadata or attributes)",
                "- [-] P-03 Find LIVE booking — not applicable: ", "(checked: not observable: taken on the profile's word)");
        assertThat(items.get("D-05").path("status").asText()).isEqualTo("missing");
        assertThat(items.get("D-05").path("reason").asText()).contains(
                "DiagnosticsIT.roomNameMatchesBeforeTheRename (expected, but not in the compiled suites: deleted or renamed?");
    }

    private static void assertFailed(SuiteRunner.Outcome o, String... evidence) {
        System.out.println("[selftest] " + o.test() + ": " + o.message().lines().findFirst().orElse(""));
        assertThat(o.status()).as("%s: %s", o.test(), o.message()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(o.message()).startsWith(BUT).contains(", but ").contains(evidence);
    }

    /** The named tests (SimpleClass.method) in a nested launch with these settings; outcomes by item. */
    private static Map<String, SuiteRunner.Outcome> run(Map<String, String> settings, Path results, String... tests) {
        Set<String> wanted = Set.of(tests);
        List<SuiteRunner.Outcome> outcomes = SuiteRunner.run(List.of(selectPackage("dev.livecheck.checklist")),
                m -> wanted.contains(m.getDeclaringClass().getSimpleName() + "." + m.getName()), settings,
                new AllureJunitPlatform(new AllureLifecycle(new FileSystemResultsWriter(results))), RunRecorder.into(results));
        Map<String, SuiteRunner.Outcome> byItem = new HashMap<>();
        outcomes.forEach(o -> o.items().forEach(item -> byItem.put(item, o)));
        assertThat(byItem).as("outcomes of %s", wanted).hasSize(tests.length);
        return byItem;
    }
}
