package dev.livecheck.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseGateTest {

    private static final String CHECKLIST = """
            # Test checklist

            Intro prose stays as written.

            ## Provider
            - [ ] P-01 Login successfully
            - [ ] P-02 Find LIVE booking

            ## Client
            Some note under a section.
            - [ ] C-01 Join the session
            """;

    @TempDir
    Path dir;

    private Path checklist;
    private Path out;
    private AllureResults results;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        checklist = dir.resolve("checklist.md");
        Files.writeString(checklist, CHECKLIST);
        out = dir.resolve("out");
        results = new AllureResults(dir.resolve("allure-results"));
    }

    @Test
    void allPassedOpensTheGateAndTicksEveryBox() throws IOException {
        AllureResults.Result login = results.result("app.ProviderIT.login", "passed").checks("P-01").timed(0, 12_300)
                .attachment("provider screenshot", "abc-attachment.png").write();
        AllureResults.Result findBooking = results.result("app.ProviderIT.findBooking", "passed").checks("P-02").write();
        results.result("app.ClientIT.join", "passed").checks("C-01").write();
        results.writeContainer();

        assertThat(gate()).isZero();

        String report = report();
        assertThat(report).startsWith("# Test checklist\n\n**Release gate: PASSED** — 3 of 3 passed\n\nIntro prose stays as written.\n");
        assertThat(report).contains(
                "- [x] P-01 Login successfully — passed, 12.3 s — evidence: [app.ProviderIT.login](../allure-results/" + login.file() + ")\n",
                "- [x] P-02 Find LIVE booking — passed, 2.5 s — evidence: [app.ProviderIT.findBooking](../allure-results/" + findBooking.file() + ")",
                "## Client\nSome note under a section.\n- [x] C-01");
        assertThat(report).doesNotContain("[ ]").as("a passed item's attachments are in its test, not on its line").doesNotContain("screenshot");
        assertThat(stdout()).contains("Release gate: PASSED — 3 of 3 passed");

        JsonNode verdict = verdict();
        assertThat(verdict.fieldNames()).toIterable()
                .containsExactly("items", "passed", "failed", "broken", "skipped", "missing", "notApplicable", "flaky", "partial", "inconclusive",
                        "nightlyOnlyNotRun", "staleResults", "gate", "run");
        assertThat(verdict.get("passed").asInt()).isEqualTo(3);
        assertThat(verdict.get("gate").asText()).isEqualTo("passed");
        JsonNode first = verdict.get("items").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("id", "title", "section", "status", "durationMs", "attempts", "passedAttempts", "tests");
        assertThat(first.get("id").asText()).isEqualTo("P-01");
        assertThat(first.get("title").asText()).isEqualTo("Login successfully");
        assertThat(first.get("section").asText()).isEqualTo("provider");
        assertThat(first.get("status").asText()).isEqualTo("passed");
        assertThat(first.get("durationMs").asLong()).isEqualTo(12_300);
        assertThat(verdict.get("items").get(2).get("section").asText()).isEqualTo("client");
    }

    @Test
    void oneFailedItemBlocksTheGateAndIsNamed() throws IOException {
        allButFindBookingPass();
        AllureResults.Result findBooking = results.result("app.ProviderIT.findBooking", "failed").checks("P-02")
                .message("Expected booking LIVE-42 in the list\nbut the list was empty").write();

        assertThat(gate()).isEqualTo(1);

        assertThat(stderr()).isEqualTo("P-02 Find LIVE booking: failed — Expected booking LIVE-42 in the list\n");
        assertThat(report()).contains(
                "**Release gate: BLOCKED** — 2 passed, 1 failed, 0 broken, 0 skipped, 0 missing (of 3)",
                "- [ ] P-02 Find LIVE booking — FAILED: Expected booking LIVE-42 in the list — evidence: [app.ProviderIT.findBooking](../allure-results/"
                        + findBooking.file() + ")\n",
                "- [x] P-01");
        assertThat(verdict().get("failed").asInt()).isEqualTo(1);
        assertThat(verdict().get("gate").asText()).isEqualTo("blocked");
    }

    @Test
    void missingItemBlocksTheGate() throws IOException {
        results.result("app.ProviderIT.login", "passed").checks("P-01").write();
        results.result("app.ClientIT.join", "passed").checks("C-01").write();

        assertThat(gate()).isEqualTo(1);

        assertThat(stderr()).contains("P-02 Find LIVE booking: missing — no test checks it");
        assertThat(report()).contains("- [ ] P-02 Find LIVE booking — missing: no test checks it");
        assertThat(verdict().get("missing").asInt()).isEqualTo(1);
        assertThat(verdict().get("items").get(1).get("status").asText()).isEqualTo("missing");
    }

    @Test
    void skippedItemBlocksTheGate() throws IOException {
        allButFindBookingPass();
        results.result("app.ProviderIT.findBooking", "skipped").checks("P-02").message("Assumption failed: no LIVE booking").write();

        assertThat(gate()).isEqualTo(1);

        assertThat(stderr()).contains("P-02 Find LIVE booking: skipped — Assumption failed: no LIVE booking");
        assertThat(report()).contains("- [ ] P-02 Find LIVE booking — SKIPPED: Assumption failed");
        assertThat(verdict().get("skipped").asInt()).isEqualTo(1);
    }

    @Test
    void itemsNotRunBecauseTheirSharedCallBrokeNameTheCauseOnce() throws IOException {
        String broke = "not run: the call broke in \"P-01 Login successfully\": the provider's page never signed in";
        results.result("app.ProviderIT.login", "failed").checks("P-01").message("the provider's page never signed in").write();
        results.result("app.ProviderIT.findBooking", "skipped").checks("P-02").message(broke).write();
        results.result("app.ClientIT.join", "skipped").checks("C-01").message(broke).write();

        assertThat(gate()).isEqualTo(1);

        assertThat(stderr()).isEqualTo("P-01 Login successfully: failed — the provider's page never signed in\n"
                + "P-02, C-01: not run (2 items) — the call broke in \"P-01 Login successfully\": the provider's page never signed in\n");
    }

    @Test
    void notApplicableItemIsCountedApartAndLetsTheReleaseThrough() throws IOException {
        allButFindBookingPass();
        results.result("app.ProviderIT.findBooking", "skipped").checks("P-02").notApplicable("the app has no bookings").write();

        assertThat(gate()).isZero();

        assertThat(stdout()).contains("Release gate: PASSED — 2 passed, 1 not applicable (of 3)");
        assertThat(report()).contains("- [-] P-02 Find LIVE booking — not applicable: the app has no bookings");
        JsonNode verdict = verdict();
        assertThat(verdict.get("notApplicable").asInt()).isEqualTo(1);
        assertThat(verdict.get("passed").asInt()).isEqualTo(2);
        assertThat(verdict.get("items").get(1).get("status").asText()).isEqualTo("not applicable");
        assertThat(verdict.get("items").get(1).get("reason").asText()).isEqualTo("the app has no bookings");
    }

    @Test
    void aSkipMerelyWordedNotApplicableIsASkipThatBlocks() throws IOException {
        allButFindBookingPass();
        // only the run's record, which the profile alone fills, makes a test not applicable: not a message, not a label
        results.result("app.ProviderIT.findBooking", "skipped").checks("P-02")
                .message("not applicable: the app has no bookings (profile huddle, no bookings)").write();

        assertThat(gate()).isEqualTo(1);
        assertThat(verdict().get("items").get(1).get("status").asText()).isEqualTo("skipped");
    }

    @Test
    void notApplicableNeverHidesAFailure() throws IOException {
        results.result("app.ProviderIT.login", "passed").checks("P-01").write();
        results.result("app.ProviderIT.findBooking", "skipped").checks("P-02").notApplicable("no bookings").write();
        results.result("app.ClientIT.join", "failed").checks("C-01").message("boom").write();

        assertThat(gate()).isEqualTo(1);
        assertThat(stdout()).contains("BLOCKED — 1 passed, 1 not applicable, 1 failed");
    }

    @Test
    void brokenItemBlocksTheGate() throws IOException {
        allButFindBookingPass();
        results.result("app.ProviderIT.findBooking", "broken").checks("P-02").message("NoSuchSessionException").write();

        assertThat(gate()).isEqualTo(1);

        assertThat(stderr()).contains("P-02 Find LIVE booking: broken — NoSuchSessionException");
        assertThat(verdict().get("broken").asInt()).isEqualTo(1);
    }

    @Test
    void notEnforcedReportsButExitsZero() throws IOException {
        allButFindBookingPass();
        results.result("app.ProviderIT.findBooking", "failed").checks("P-02").message("boom").write();

        assertThat(gate("--enforce=false")).isZero();

        assertThat(stdout()).contains("Release gate: BLOCKED", "P-02 Find LIVE booking: failed — boom");
        assertThat(stderr()).isEmpty();
        assertThat(verdict().get("gate").asText()).isEqualTo("blocked");
    }

    @Test
    void unknownChecklistIdIsAnInputError() throws IOException {
        allButFindBookingPass();
        results.result("app.ProviderIT.findBooking", "passed").checks("P-02", "P-99").write();

        assertThat(gate()).isEqualTo(2);

        assertThat(stderr()).contains("unknown checklist id P-99 in result app.ProviderIT.findBooking"
                + " — add it to testdata/checklist.md or fix the @Checks annotation");
        assertThat(out.resolve("verdict.json")).doesNotExist();
    }

    @Test
    void duplicateChecklistIdIsAnInputError() throws IOException {
        Files.writeString(checklist, CHECKLIST + "- [ ] P-01 Login again\n");
        allButFindBookingPass();

        assertThat(gate()).isEqualTo(2);

        assertThat(stderr()).contains("duplicate checklist id P-01 on lines 6 and 12");
    }

    @Test
    void malformedItemLineIsAnInputError() throws IOException {
        Files.writeString(checklist, CHECKLIST + "- [ ] P-3 Typo in the id\n");
        allButFindBookingPass();

        assertThat(gate()).isEqualTo(2);

        assertThat(stderr()).contains("line 12: malformed item \"- [ ] P-3 Typo in the id\"");
    }

    @Test
    void checklistWithoutItemsIsAnInputError() throws IOException {
        Files.writeString(checklist, "# Empty\n\n## Provider\nnothing yet\n");
        allButFindBookingPass();

        assertThat(gate()).isEqualTo(2);

        assertThat(stderr()).contains("has no checklist items");
    }

    @Test
    void absentResultsFolderIsAnInputError() {
        assertThat(gate("--results", dir.resolve("nowhere").toString())).isEqualTo(2);

        assertThat(stderr()).contains("does not exist");
    }

    @Test
    void resultsFolderWithoutResultFilesIsAnInputError() throws IOException {
        results.writeContainer();

        assertThat(gate()).isEqualTo(2);

        assertThat(stderr()).contains("has no *-result.json files");
    }

    @Test
    void inputErrorRemovesAReportLeftByAnEarlierRun() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("verdict.json"), "{\"gate\":\"passed\"}");
        Files.writeString(out.resolve("checklist.md"), "**Release gate: PASSED**");

        assertThat(gate()).isEqualTo(2);

        assertThat(out.resolve("verdict.json")).doesNotExist();
        assertThat(out.resolve("checklist.md")).doesNotExist();
    }

    @Test
    void unreadableResultFileIsAnInputError() throws IOException {
        allButFindBookingPass();
        Files.writeString(results.folder().resolve("broken-result.json"), "{not json");

        assertThat(gate()).isEqualTo(2);

        assertThat(stderr()).contains("unreadable Allure result", "broken-result.json");
    }

    @Test
    void aFailureEarlierInTheNightIsNotHiddenByALaterPass() throws IOException {
        allButFindBookingPass();
        results.result("app.ProviderIT.findBooking", "failed").checks("P-02").timed(1_000, 2_000).message("timed out").write();
        results.result("app.ProviderIT.findBooking", "passed").checks("P-02").timed(5_000, 9_000).write();
        results.result("app.ProviderIT.findBooking", "passed").checks("P-02").timed(10_000, 11_000).write();

        assertThat(gate()).isEqualTo(1);

        assertThat(stderr()).contains("P-02 Find LIVE booking: flaky — passed 2 of 3 attempts: timed out");
        assertThat(report()).contains("- [ ] P-02 Find LIVE booking — FLAKY: passed 2 of 3 attempts: timed out");
        JsonNode item = verdict().get("items").get(1);
        assertThat(item.get("status").asText()).isEqualTo("flaky");
        assertThat(item.get("attempts").asInt()).isEqualTo(3);
        assertThat(item.get("passedAttempts").asInt()).isEqualTo(2);
        assertThat(item.get("durationMs").asLong()).as("the latest attempt's duration").isEqualTo(1_000);
        assertThat(verdict().get("flaky").asInt()).isEqualTo(1);
        assertThat(stdout()).contains("BLOCKED — 2 passed, 1 flaky, 0 failed");
    }

    @Test
    void measuredFiguresAreShownUnderTheirItem() throws IOException {
        results.result("app.ProviderIT.login", "passed").checks("P-01").write();
        results.result("app.ProviderIT.findBooking", "passed").checks("P-02").write();
        results.result("app.ClientIT.join", "passed").checks("C-01")
                .figuresInAStep("provider → client", """
                        {"scenario":"loopback","direction":"provider → client","latencyP95Ms":120,"audioLatencyP95Ms":130,
                         "avOffsetMs":10,"fps":29.8,"resolution":"640x480","longestFreezeMs":80}""")
                .figuresInAStep("client → provider", "{not json").write();

        assertThat(gate()).isZero();

        assertThat(report()).contains("- [x] C-01", "\n  - measured: provider → client: video latency p95 120 ms, audio p95 130 ms, A/V +10 ms, "
                + "29.8 fps, 640x480, longest freeze 80 ms (loopback)");
        assertThat(report()).as("an unreadable figures file is left out").doesNotContain("client → provider");
        assertThat(verdict().get("items").get(2).get("figures").get(0).get("latencyP95Ms").asInt()).isEqualTo(120);
        assertThat(report()).contains("[quality.md](quality.md)");
        assertThat(Files.readString(out.resolve("quality.md"))).contains("| C-01 passed | loopback | provider → client | ? / 120 ms".replace("?", "null"));
        assertThat(out.resolve("quality.json")).content().contains("\"item\" : \"C-01\"", "\"latencyP95Ms\" : 120");
    }

    @Test
    void everyAttemptPassingPasses() throws IOException {
        allButFindBookingPass();
        results.result("app.ProviderIT.findBooking", "passed").checks("P-02").timed(1_000, 2_000).write();
        results.result("app.ProviderIT.findBooking", "passed").checks("P-02").timed(5_000, 9_000).write();

        assertThat(gate()).isZero();

        assertThat(verdict().get("items").get(1).get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void noAttemptPassingIsTheWorstOfThem() throws IOException {
        allButFindBookingPass();
        results.result("app.ProviderIT.findBooking", "failed").checks("P-02").timed(1_000, 2_000).message("regressed").write();
        results.result("app.ProviderIT.findBooking", "broken").checks("P-02").timed(5_000, 9_000).message("no session").write();

        assertThat(gate()).isEqualTo(1);

        assertThat(verdict().get("items").get(1).get("status").asText()).isEqualTo("broken");
    }

    @Test
    void anyFailingTestOfAnItemFailsItAndDurationsAdd() throws IOException {
        allButFindBookingPass();
        results.result("app.ProviderIT.findBooking", "passed").checks("P-02").timed(0, 1_000).write();
        results.result("app.ProviderIT.findBookingAfterReload", "failed").checks("P-02").timed(0, 3_000)
                .message("gone after reload").write();

        assertThat(gate()).isEqualTo(1);

        JsonNode item = verdict().get("items").get(1);
        assertThat(item.get("status").asText()).isEqualTo("failed");
        assertThat(item.get("durationMs").asLong()).isEqualTo(4_000);
        assertThat(report()).containsPattern("FAILED: gone after reload — evidence: \\[app.ProviderIT.findBooking]\\([^)]+\\); "
                + "\\[app.ProviderIT.findBookingAfterReload]\\(");
    }

    @Test
    void brokenRanksWorseThanFailed() throws IOException {
        allButFindBookingPass();
        results.result("app.ProviderIT.findBooking", "failed").checks("P-02").message("assertion").write();
        results.result("app.ProviderIT.findBookingAgain", "broken").checks("P-02").message("driver died").write();

        assertThat(gate()).isEqualTo(1);

        assertThat(stderr()).contains("P-02 Find LIVE booking: broken — driver died");
    }

    @Test
    void resultsWithoutHistoryIdAreKeyedByFullName() throws IOException {
        allButFindBookingPass();
        results.result("app.ProviderIT.findBooking", "failed").checks("P-02").withoutHistoryId().timed(0, 1).write();
        results.result("app.ProviderIT.findBooking", "passed").checks("P-02").withoutHistoryId().timed(5, 9).write();

        assertThat(gate()).isEqualTo(1);
        assertThat(verdict().get("items").get(1).get("attempts").asInt()).as("both results are attempts of one test").isEqualTo(2);
    }

    @Test
    void oneTestMayCheckSeveralItems() throws IOException {
        results.result("app.SessionIT.wholeFlow", "passed").checks("P-01", "P-02", "C-01").write();

        assertThat(gate()).isZero();

        assertThat(verdict().get("passed").asInt()).isEqualTo(3);
    }

    @Test
    void secretsInFailureMessagesAreRedacted() throws IOException {
        String jwt = dev.livecheck.redact.FakeJwt.of("video-room-a");
        Redactor.registerSecret("gate-test-api-secret");
        allButFindBookingPass();
        results.result("app.ProviderIT.findBooking", "failed").checks("P-02")
                .message("token " + jwt + " rejected; secret gate-test-api-secret").write();

        assertThat(gate()).isEqualTo(1);

        assertThat(report()).contains("FAILED: token <redacted-jwt> rejected; secret <redacted>").doesNotContain(jwt);
        assertThat(stderr()).doesNotContain(jwt).doesNotContain("gate-test-api-secret");
    }

    @Test
    void usageErrorsExitTwoWithUsage() {
        assertThat(ReleaseGate.run(new String[] {"--results"}, print(stdout), print(stderr))).isEqualTo(2);
        assertThat(stderr()).contains("--results needs a value", "usage: ReleaseGate");

        stderr.reset();
        assertThat(gate("--enforce=maybe")).isEqualTo(2);
        assertThat(stderr()).contains("--enforce must be true or false");

        stderr.reset();
        assertThat(gate("--colour")).isEqualTo(2);
        assertThat(stderr()).contains("unknown argument --colour");
    }

    @Test
    void mainThrowsTheSummaryInsteadOfExiting() throws IOException {
        results.result("app.ProviderIT.login", "passed").checks("P-01").write();
        String[] args = {"--results", results.folder().toString(), "--checklist", checklist.toString(),
                "--out", out.toString()};

        assertThatThrownBy(() -> ReleaseGate.main(args))
                .isInstanceOf(GateFailedException.class)
                .hasMessage("Release gate: BLOCKED — 1 passed, 0 failed, 0 broken, 0 skipped, 2 missing (of 3)")
                .satisfies(e -> assertThat(((GateFailedException) e).exitCode()).isEqualTo(1));
    }

    @Test
    void readsTheProjectChecklist() throws IOException {
        results.result("app.ProviderIT.login", "passed").checks("P-01").write();
        Path projectChecklist = Path.of("testdata/checklist.md");

        assertThat(gate("--checklist", projectChecklist.toString())).isEqualTo(1);

        JsonNode verdict = verdict();
        assertThat(verdict.get("items")).hasSize(43);
        assertThat(verdict.get("passed").asInt()).isEqualTo(1);
        assertThat(verdict.get("missing").asInt()).isEqualTo(42);
        List<String> sections = new ArrayList<>();
        verdict.get("items").forEach(item -> {
            if (!sections.contains(item.get("section").asText())) {
                sections.add(item.get("section").asText());
            }
        });
        assertThat(sections).containsExactly("provider", "client", "errors", "session", "security", "features", "diagnostics");
        assertThat(report()).contains("Both users stuck on \"Waiting for…\": what to verify.\n- [ ] D-01");
    }

    private void allButFindBookingPass() throws IOException {
        results.result("app.ProviderIT.login", "passed").checks("P-01").write();
        results.result("app.ClientIT.join", "passed").checks("C-01").write();
    }

    /** Runs the gate with the fixture's paths; extra arguments come last and override earlier ones. */
    private int gate(String... extra) {
        List<String> args = new ArrayList<>(List.of("--results", results.folder().toString(),
                "--checklist", checklist.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return ReleaseGate.run(args.toArray(String[]::new), print(stdout), print(stderr));
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private String report() throws IOException {
        return Files.readString(out.resolve("checklist.md"));
    }

    private JsonNode verdict() throws IOException {
        return new ObjectMapper().readTree(out.resolve("verdict.json").toFile());
    }
}
