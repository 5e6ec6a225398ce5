package dev.livecheck.gate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate judges an item on every test the run's record expects of it, not on whichever results happen to be there. */
class ExpectedTestsTest {
    @TempDir
    Path dir;

    private GateFixture fixture;
    private AllureResults results;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new GateFixture(dir);
        results = fixture.results;
    }

    @Test
    void anItemPassesOnlyWhenEveryExpectedTestRanAndPassed() throws IOException {
        fixture.othersPass();
        results.result("app.ProviderIT.findBookingToday", "passed").checks("P-02").write();
        results.expect("app.ProviderIT.findBookingTomorrow", false, true, "P-02");

        assertThat(fixture.gate()).isEqualTo(1);

        assertThat(fixture.stderr()).contains("P-02 Find LIVE booking: missing — ProviderIT.findBookingTomorrow (selected, but no result: it did not run)");
        assertThat(fixture.report()).contains("- [ ] P-02 Find LIVE booking — missing: ProviderIT.findBookingTomorrow (selected, but no result");
        assertThat(fixture.item("P-02").path("tests").toString())
                .contains("{\"test\":\"app.ProviderIT.findBookingToday\",\"name\":\"findBookingToday\",\"nightly\":false,\"status\":\"passed\"}")
                .contains("\"test\":\"app.ProviderIT.findBookingTomorrow\"", "\"status\":\"missing\"");
    }

    @Test
    void aTestTheRunDidNotSelectIsMissing() throws IOException {
        fixture.othersPass();
        results.expect("app.ProviderIT.findBooking", false, false, "P-02");

        assertThat(fixture.gate()).isEqualTo(1);

        assertThat(fixture.item("P-02").path("status").asText()).isEqualTo("missing");
        assertThat(fixture.item("P-02").path("reason").asText())
                .isEqualTo("ProviderIT.findBooking (not in this run: not selected (-Dgroups, -Dit.test or an excluded tag))");
    }

    @Test
    void aFailedTestIsNeverHiddenBehindAMissingOne() throws IOException {
        fixture.othersPass();
        results.result("app.ProviderIT.findBookingToday", "failed").checks("P-02").message("no LIVE booking").write();
        results.expect("app.ProviderIT.findBookingTomorrow", false, false, "P-02");

        assertThat(fixture.gate()).isEqualTo(1);

        assertThat(fixture.item("P-02").path("status").asText()).isEqualTo("failed");
        assertThat(fixture.stderr()).contains("P-02 Find LIVE booking: failed — no LIVE booking; also missing: ProviderIT.findBookingTomorrow (not in this run");
        assertThat(fixture.report()).contains("- [ ] P-02 Find LIVE booking — FAILED: no LIVE booking — evidence: ",
                "\n  - missing: ProviderIT.findBookingTomorrow (not in this run");
    }

    @Test
    void aDeletedOrRenamedTestIsMissingByName() throws IOException {
        fixture.othersPass();
        results.result("app.ProviderIT.findBookingRenamed", "passed").checks("P-02").write();
        results.expectNotInCode("app.ProviderIT.findBooking", "P-02");

        assertThat(fixture.gate()).isEqualTo(1);

        assertThat(fixture.stderr()).contains("P-02 Find LIVE booking: missing — ProviderIT.findBooking (expected, but not in the compiled suites: "
                + "deleted or renamed? (checklist-tests.txt))");
    }

    @Test
    void nightlyOnlyTestsNotInThisRunAreShownAndCountedApart() throws IOException {
        results.result("app.ProviderIT.login", "passed").checks("P-01").write();
        results.result("app.ProviderIT.findBooking", "passed").checks("P-02").write();
        results.result("app.ErrorsIT.network", "passed").checks("E-04").timed(0, 4000).write();
        for (String t : new String[] {"roundTrip", "loss", "cap", "outage"}) {
            results.expect("app.QualityIT." + t, true, false, "E-04");
        }

        assertThat(fixture.gate()).isZero();

        assertThat(fixture.stdout()).contains("Release gate: PASSED — 3 of 3 passed; 4 nightly-only tests not in this run");
        assertThat(fixture.report()).contains("- [x] E-04 Network issues handled gracefully — passed — 1 of 5 tests; 4 nightly-only, not in this run, 4.0 s",
                "\n  - nightly-only, not in this run: QualityIT.roundTrip, QualityIT.loss, QualityIT.cap, QualityIT.outage");
        assertThat(fixture.verdict().path("nightlyOnlyNotRun").asInt()).isEqualTo(4);
        assertThat(fixture.item("E-04").path("tests").get(1).path("status").asText()).isEqualTo("nightly-only, not in this run");
    }

    @Test
    void aNightlyTestTheRunSelectedMustRunAndPass() throws IOException {
        fixture.othersPass();
        results.result("app.ProviderIT.findBooking", "passed").checks("P-02").write();
        results.expect("app.QualityIT.loss", true, true, "E-04");

        assertThat(fixture.gate()).isEqualTo(1);
        assertThat(fixture.item("E-04").path("status").asText()).isEqualTo("missing");
    }

    @Test
    void resultsOfAnEarlierRunInTheFolderDoNotCount() throws IOException {
        fixture.othersPass();
        results.expect("app.ProviderIT.findBooking", false, true, "P-02");
        results.result("app.ProviderIT.findBooking", "passed").checks("P-02").ofAnotherRun().write();

        assertThat(fixture.gate()).isEqualTo(1);

        assertThat(fixture.item("P-02").path("status").asText()).isEqualTo("missing");
        assertThat(fixture.verdict().path("staleResults").asInt()).isEqualTo(1);
        assertThat(fixture.stdout()).contains("release gate: 1 checklist result(s) of another run in " + results.folder() + " not counted (this run: run-1)");
        assertThat(fixture.report()).contains("1 result of an earlier run in the results folder was not counted.");
    }

    @Test
    void resultsWithoutTheRunsRecordAreNoVerdict() throws IOException {
        fixture.othersPass();
        results.result("app.ProviderIT.findBooking", "passed").checks("P-02").write();
        results.withoutRecord();

        assertThat(fixture.gate()).isEqualTo(2);

        assertThat(fixture.stderr()).contains("has no livecheck-run.json, the run's record of which tests it expected")
                .contains("rerun the checklist (mvn verify)");
        assertThat(fixture.out().resolve("verdict.json")).doesNotExist();
    }

    @Test
    void aRunOfNoChecklistTestLeavesEveryItemMissing() throws IOException {
        results.withoutRecord();
        results.result("app.SelfIT.leaksNothing", "passed").write();

        assertThat(fixture.gate("--enforce=false")).isZero();

        assertThat(fixture.item("P-01").path("reason").asText()).isEqualTo("no checklist test ran");
        assertThat(fixture.verdict().path("gate").asText()).isEqualTo("blocked");
    }

    @Test
    void anItemCheckedOnlyInPartPassesAndSaysSoCountedApart() throws IOException {
        fixture.othersPass();
        results.result("app.DiagnosticsIT.sameUrl", "passed").checks("P-02").partial("the app is joined by URL: both opened the URL livecheck typed").write();

        assertThat(fixture.gate()).isZero();

        assertThat(fixture.stdout()).contains("Release gate: PASSED — 2 passed, 1 partial (of 3)");
        assertThat(fixture.report()).contains("- [x] P-02 Find LIVE booking — passed — partial: the app is joined by URL: both opened the URL livecheck typed, 2.5 s");
        assertThat(fixture.item("P-02").path("status").asText()).isEqualTo("partial");
        assertThat(fixture.item("P-02").path("reason").asText()).isEqualTo("the app is joined by URL: both opened the URL livecheck typed");
        assertThat(fixture.verdict().path("partial").asInt()).isEqualTo(1);
        assertThat(fixture.verdict().path("passed").asInt()).isEqualTo(2);
    }

    @Test
    void aPartialTestNeverHidesAFailedOne() throws IOException {
        fixture.othersPass();
        results.result("app.ProviderIT.a", "passed").checks("P-02").partial("by URL").write();
        results.result("app.ProviderIT.b", "failed").checks("P-02").message("boom").write();

        assertThat(fixture.gate()).isEqualTo(1);
        assertThat(fixture.item("P-02").path("status").asText()).isEqualTo("failed");
    }

    @Test
    void notApplicableSaysWhatTheRunCheckedOfTheClaim() throws IOException {
        fixture.othersPass();
        results.result("app.ProviderIT.findBooking", "skipped").checks("P-02")
                .notApplicable("Huddle has no bookings", "no bookings link on http://localhost:1234/").write();

        assertThat(fixture.gate()).isZero();

        assertThat(fixture.report()).contains("- [-] P-02 Find LIVE booking — not applicable: Huddle has no bookings (checked: no bookings link on http://localhost:1234/)");
    }

    @Test
    void theRecordMakesOnlyASkipNotApplicableNeverAFailure() throws IOException {
        fixture.othersPass();
        results.result("app.ProviderIT.findBooking", "failed").checks("P-02").notApplicable("no bookings").message("the profile says not applicable, but …").write();

        assertThat(fixture.gate()).isEqualTo(1);
        assertThat(fixture.item("P-02").path("status").asText()).isEqualTo("failed");
    }
}
