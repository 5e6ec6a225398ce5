package dev.livecheck.gate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A test the machine kept from judging ("broken" with an {@code inconclusive} label) is inconclusive, never the app's failure, never releasable. */
class InconclusiveTest {
    private static final String CPU = "LiveKit logged high CPU load during the window; sender limited by cpu 62 % of samples";

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
    void anItemWhoseOnlyNonPassedTestIsInconclusiveIsInconclusiveEverywhere() throws IOException {
        fixture.othersPass();
        results.result("app.ClientIT.realTime", "broken").checks("P-02").message("picture height 180, at least 240").inconclusive(CPU).write();

        assertThat(fixture.gate()).isEqualTo(1);

        assertThat(fixture.report()).contains("**Release gate: BLOCKED** — 2 passed, 1 inconclusive (environment), 0 failed, 0 broken, 0 skipped, 0 missing (of 3)",
                "- [?] P-02 Find LIVE booking — INCONCLUSIVE (environment): " + CPU + " — evidence: ",
                "BLOCKED by the machine, not the app — 1 item inconclusive (environment): rerun with -Dlivecheck.concurrency=1 or on a larger machine");
        assertThat(fixture.html()).contains("<li class=\"machine\"><span class=\"box\">[?]</span>");
        assertThat(fixture.item("P-02").path("status").asText()).isEqualTo("inconclusive");
        assertThat(fixture.item("P-02").path("reason").asText()).isEqualTo(CPU);
        assertThat(fixture.verdict().path("inconclusive").asInt()).isEqualTo(1);
        assertThat(fixture.verdict().path("broken").asInt()).isZero();
        assertThat(fixture.stderr()).isEqualTo("P-02 Find LIVE booking: inconclusive (environment) — " + CPU + "\n"
                + "release gate: BLOCKED by the machine, not the app — 1 item inconclusive (environment): rerun with -Dlivecheck.concurrency=1 or on a larger machine\n");
    }

    @Test
    void aFailedTestMakesTheItemFailedWhateverElseWasInconclusive() throws IOException {
        fixture.othersPass();
        results.result("app.ClientIT.realTime", "broken").checks("P-02").inconclusive(CPU).write();
        results.result("app.ClientIT.video", "failed").checks("P-02").message("colour of client's video").write();

        assertThat(fixture.gate()).isEqualTo(1);

        assertThat(fixture.item("P-02").path("status").asText()).isEqualTo("failed");
        assertThat(fixture.stderr()).contains("P-02 Find LIVE booking: failed — colour of client's video").doesNotContain("by the machine");
    }

    @Test
    void machineLineOnlyWhenEveryBlockingItemIsInconclusive() throws IOException {
        results.result("app.ProviderIT.login", "passed").checks("P-01").write();
        results.result("app.ClientIT.realTime", "broken").checks("P-02").inconclusive(CPU).write();
        results.result("app.ErrorsIT.network", "failed").checks("E-04").message("boom").write();

        assertThat(fixture.gate()).isEqualTo(1);
        assertThat(fixture.stderr()).doesNotContain("by the machine");
        assertThat(fixture.stdout()).contains("Release gate: BLOCKED — 1 passed, 1 inconclusive (environment), 1 failed");
    }

    @Test
    void passedAndInconclusiveAttemptsAreInconclusiveNotFlaky() throws IOException {
        fixture.othersPass();
        results.result("app.ClientIT.realTime", "passed").checks("P-02").timed(0, 10).write();
        results.result("app.ClientIT.realTime", "broken").checks("P-02").timed(20, 30).inconclusive(CPU).write();

        assertThat(fixture.gate()).isEqualTo(1);
        assertThat(fixture.item("P-02").path("status").asText()).isEqualTo("inconclusive");
        assertThat(fixture.verdict().path("flaky").asInt()).isZero();
    }

    @Test
    void aFailedAttemptBesidePassedAndInconclusiveOnesIsFlaky() throws IOException {
        fixture.othersPass();
        results.result("app.ClientIT.realTime", "passed").checks("P-02").timed(0, 10).write();
        results.result("app.ClientIT.realTime", "broken").checks("P-02").timed(20, 30).inconclusive(CPU).write();
        results.result("app.ClientIT.realTime", "failed").checks("P-02").timed(40, 50).message("boom").write();

        assertThat(fixture.gate()).isEqualTo(1);
        assertThat(fixture.item("P-02").path("status").asText()).isEqualTo("flaky");
    }

    @Test
    void theLabelOnAFailedAssertionIsIgnored() throws IOException {
        fixture.othersPass();
        results.result("app.ClientIT.realTime", "failed").checks("P-02").message("boom").inconclusive(CPU).write();

        assertThat(fixture.gate()).isEqualTo(1);
        assertThat(fixture.item("P-02").path("status").asText()).as("an assertion that failed is the app's verdict").isEqualTo("failed");
    }

    @Test
    void notEnforcedSaysTheMachineBlockedAndExitsZero() throws IOException {
        fixture.othersPass();
        results.result("app.ClientIT.realTime", "broken").checks("P-02").inconclusive(CPU).write();

        assertThat(fixture.gate("--enforce=false")).isZero();
        assertThat(fixture.stdout()).contains("BLOCKED by the machine, not the app", "not enforced");
        assertThat(fixture.stderr()).isEmpty();
    }

    @Test
    void theReasonIsRedacted() throws IOException {
        fixture.othersPass();
        String jwt = dev.livecheck.redact.FakeJwt.of("client-202");
        results.result("app.ClientIT.realTime", "broken").checks("P-02").inconclusive("token " + jwt + " slow").write();

        fixture.gate();
        assertThat(fixture.report() + fixture.verdict() + fixture.stderr()).doesNotContain(jwt).contains("token <redacted-jwt> slow");
    }
}
