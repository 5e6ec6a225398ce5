package dev.livecheck.gate;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The checklist's evidence as links: to the result files before the HTML report exists, into the report once it does. */
class ReportLinksTest {

    private static final String CHECKLIST = """
            # Test checklist

            ## Provider
            - [ ] P-01 Login successfully
            - [ ] P-02 Find LIVE booking

            ## Client
            - [ ] C-01 Join the session
            """;

    @TempDir
    Path dir;

    private Path checklist;
    private Path out;
    private Path reportDir;
    private AllureResults results;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        checklist = dir.resolve("checklist.md");
        Files.writeString(checklist, CHECKLIST);
        out = dir.resolve("target/livecheck");
        reportDir = dir.resolve("target/allure-report");
        results = new AllureResults(dir.resolve("allure-results"));
    }

    @Test
    void beforeTheReportEvidenceLinksToTheResultFilesUnderReadableNames() throws IOException {
        AllureResults.Result login = results.result("app.ProviderIT.login", "failed").checks("P-01").message("boom")
                .attachment("provider — screenshot", "abc-attachment.png").attachment("LiveKit server log (this test)", "def-attachment.txt").write();
        results.result("app.ProviderIT.findBooking", "passed").checks("P-02").write();
        results.result("app.ClientIT.join", "passed").checks("C-01").write();

        assertThat(gate()).isEqualTo(1);

        assertThat(markdown()).contains("evidence: [app.ProviderIT.login](../../allure-results/" + login.file() + ") ("
                + "[provider — screenshot](../../allure-results/abc-attachment.png), "
                + "[LiveKit server log (this test)](../../allure-results/def-attachment.txt))");
        assertThat(out.resolve("../../allure-results/" + login.file())).as("the linked result file, from the checklist's folder").exists();
        assertThat(html()).contains("<a href=\"../../allure-results/abc-attachment.png\">provider — screenshot</a>",
                "<li class=\"passed\"><span class=\"box\">[x]</span>P-02 ");
    }

    @Test
    void aFailuresTimelineAndFramesComeFirstInItsEvidence() throws IOException {
        passAllBut("C-01");
        results.result("app.ClientIT.join", "failed").checks("C-01").message("boom")
                .attachment("client — screenshot", "s.png").attachment("failure timeline", "t.txt")
                .attachment("provider — frames before the failure", "p.jpg").write();

        assertThat(gate()).isEqualTo(1);

        assertThat(markdown()).contains("([failure timeline](../../allure-results/t.txt), "
                + "[provider — frames before the failure](../../allure-results/p.jpg), [client — screenshot](../../allure-results/s.png))");
        assertThat(html()).contains("<li class=\"open\"><span class=\"box\">[ ]</span>C-01 Join the session — FAILED: boom");
    }

    @Test
    void withTheReportEveryTestAndAttachmentLinksToItsPlaceInTheReport() throws IOException {
        AllureResults.Result login = results.result("app.ProviderIT.login", "broken").checks("P-01").message("no driver")
                .attachment("provider — screenshot", "a-attachment.png").attachment("provider — screenshot", "b-attachment.png").write();
        AllureResults.Result findBooking = results.result("app.ProviderIT.findBooking", "failed").checks("P-02").message("boom")
                .attachment("failure timeline", "t-attachment.txt").write();
        AllureResults.Result join = results.result("app.ClientIT.join", "passed").checks("C-01").write();
        new FakeReport(reportDir)
                .testCase("1f2e3d", login, "provider — screenshot", "a1", "provider — screenshot", "b2")
                .testCase("4c5b6a", findBooking, "failure timeline", "c3")
                .write();

        assertThat(gate("--report", reportDir.toString())).isEqualTo(1);

        assertThat(markdown()).contains(
                "Every test, its evidence and its history: [the HTML report](../allure-report/index.html)",
                "evidence: [app.ProviderIT.login](../allure-report/index.html#testresult/1f2e3d) ("
                        + "[provider — screenshot](../allure-report/index.html#testresult/1f2e3d?attachment=a1), "
                        + "[provider — screenshot](../allure-report/index.html#testresult/1f2e3d?attachment=b2))",
                "evidence: [app.ProviderIT.findBooking](../allure-report/index.html#testresult/4c5b6a) "
                        + "([failure timeline](../allure-report/index.html#testresult/4c5b6a?attachment=c3))",
                "evidence: [app.ClientIT.join](../../allure-results/" + join.file() + ")");
        assertThat(html()).contains("<a href=\"../allure-report/index.html#testresult/4c5b6a?attachment=c3\">failure timeline</a>");
    }

    @Test
    void aReportOfOtherResultsLinksNothingIntoIt() throws IOException {
        AllureResults.Result login = results.result("app.ProviderIT.login", "passed").checks("P-01").timed(5_000, 6_000).write();
        passAllBut("P-01");
        AllureResults.Result earlier = results.result("app.ProviderIT.login", "passed").timed(1_000, 2_000);
        new FakeReport(reportDir).testCase("0a0b0c", earlier).write();

        assertThat(gate("--report", reportDir.toString())).isZero();

        assertThat(markdown()).contains("[app.ProviderIT.login](../../allure-results/" + login.file() + ")").doesNotContain("0a0b0c");
    }

    @Test
    void aMissingReportIsAClearInputError() throws IOException {
        passAllBut("none");

        assertThat(gate("--report", dir.resolve("nowhere").toString())).isEqualTo(2);

        assertThat(stderr()).contains("no Allure report at " + dir.resolve("nowhere"), "generate it with scripts/report");
    }

    @Test
    void reportLinksKeepsTheReportsHistoryAndLinksTheChecklist() throws IOException {
        AllureResults.Result login = results.result("app.ProviderIT.login", "passed").checks("P-01").write();
        passAllBut("P-01");
        new FakeReport(reportDir).testCase("9f8e7d", login).file("history/history.json", "{\"abc\":{\"items\":[]}}")
                .file("history/history-trend.json", "[]").write();

        int code = ReportLinks.run(new String[] {"--results", results.folder().toString(), "--report", reportDir.toString(),
                "--out", out.toString(), "--checklist", checklist.toString()}, print(stdout), print(stderr));

        assertThat(code).as(stderr()).isZero();
        assertThat(reportDir.resolve("history/history.json")).content().isEqualTo("{\"abc\":{\"items\":[]}}");
        assertThat(reportDir.resolve("history/history-trend.json")).exists();
        assertThat(markdown()).contains("[app.ProviderIT.login](../allure-report/index.html#testresult/9f8e7d)");
        assertThat(stdout()).contains("history kept (2 files)", "Release gate: PASSED", "checklist.html");
    }

    @Test
    void reportLinksWithoutAReportSaysHowToMakeOne() throws IOException {
        passAllBut("none");

        int code = ReportLinks.run(new String[] {"--results", results.folder().toString(), "--report", reportDir.toString(),
                "--out", out.toString()}, print(stdout), print(stderr));

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("no Allure report at", "scripts/report");
    }

    private void passAllBut(String id) throws IOException {
        for (String[] test : List.of(new String[] {"P-01", "app.ProviderIT.login"}, new String[] {"P-02", "app.ProviderIT.findBooking"},
                new String[] {"C-01", "app.ClientIT.join"})) {
            if (!test[0].equals(id)) {
                results.result(test[1], "passed").checks(test[0]).write();
            }
        }
    }

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

    private String markdown() throws IOException {
        return Files.readString(out.resolve("checklist.md"));
    }

    private String html() throws IOException {
        return Files.readString(out.resolve("checklist.html"));
    }
}
