package dev.livecheck.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** One checklist over several browser pairs: an item is ticked only when it passed on every pair, and the release needs every pair. */
class PairsGateTest {

    @TempDir
    Path dir;

    private Path checklist;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        checklist = dir.resolve("checklist.md");
        Files.writeString(checklist, GateFixture.CHECKLIST);
    }

    private AllureResults pair(String folder, String browsers) throws IOException {
        AllureResults results = new AllureResults(dir.resolve(folder));
        Files.writeString(results.folder().resolve(RunIdentity.ENVIRONMENT_FILE), "App=reference app\nBrowsers=local " + browsers + "\n");
        return results;
    }

    private static AllureResults allPass(AllureResults results) throws IOException {
        results.result("app.ProviderIT.login", "passed").checks("P-01").write();
        results.result("app.ProviderIT.findBooking", "passed").checks("P-02").write();
        results.result("app.ErrorsIT.network", "passed").checks("E-04").write();
        return results;
    }

    private int gate(Path... folders) {
        List<String> args = new ArrayList<>();
        for (Path folder : folders) {
            args.addAll(List.of("--results", folder.toString()));
        }
        args.addAll(List.of("--checklist", checklist.toString(), "--out", dir.resolve("out").toString()));
        return ReleaseGate.run(args.toArray(String[]::new), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String report() throws IOException {
        return Files.readString(dir.resolve("out/checklist.md"));
    }

    private JsonNode verdict() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("out/verdict.json").toFile());
    }

    @Test
    void everyPairGreenPassesWithEveryBoxTicked() throws IOException {
        AllureResults chromium = allPass(pair("chromium", "chromium"));
        AllureResults mixed = allPass(pair("mixed", "provider:chromium,client:firefox"));

        assertThat(gate(chromium.folder(), mixed.folder())).isZero();

        assertThat(report()).contains("**Release gate: PASSED** — 2 of 2 browser pairs passed — an item is ticked when it passed on every pair",
                "**provider:chromium,client:firefox**: PASSED — 3 of 3 passed — [its checklist and evidence](provider-chromium-client-firefox/checklist.md)",
                "- [x] P-01 Login successfully — passed on every pair");
        assertThat(dir.resolve("out/provider-chromium-client-firefox/checklist.md")).as("each pair's own checklist, evidence linked").exists();
        assertThat(dir.resolve("out/chromium/verdict.json")).exists();
        assertThat(verdict().path("gate").asText()).isEqualTo("passed");
        assertThat(verdict().path("pairs").get(1).path("browsers").asText()).isEqualTo("provider:chromium,client:firefox");
        assertThat(verdict().path("items").get(0).path("pairs").path("chromium").asText()).isEqualTo("passed");
    }

    @Test
    void anItemFailedOnOnePairBlocksTheReleaseNamingThePair() throws IOException {
        AllureResults chromium = allPass(pair("chromium", "chromium"));
        AllureResults firefox = pair("firefox", "firefox");
        firefox.result("app.ProviderIT.login", "passed").checks("P-01").write();
        firefox.result("app.ProviderIT.findBooking", "failed").checks("P-02").message("no LIVE booking listed").write();
        firefox.result("app.ErrorsIT.network", "passed").checks("E-04").write();

        assertThat(gate(chromium.folder(), firefox.folder())).isEqualTo(ReleaseGate.BLOCKED);

        assertThat(report()).contains("**Release gate: BLOCKED** — 1 of 2 browser pairs passed (blocked: firefox)",
                "- [ ] P-02 Find LIVE booking — passed on chromium; failed on firefox\n  - firefox: failed — no LIVE booking listed",
                "- [x] E-04 Network issues handled gracefully — passed on every pair");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("[firefox] P-02 Find LIVE booking: failed — no LIVE booking listed");
        assertThat(verdict().path("items").get(1).path("status").asText()).isEqualTo("failed");
        assertThat(verdict().path("pairs").get(1).path("gate").asText()).isEqualTo("blocked");
        assertThat(Files.readString(dir.resolve("out/checklist.html"))).contains("<li class=\"open\"><span class=\"box\">[ ]</span>P-02");
    }

    @Test
    void aPairNotRunIsNotAPass() throws IOException {
        AllureResults chromium = allPass(pair("chromium", "chromium"));
        AllureResults firefox = pair("firefox", "firefox");
        firefox.result("app.ProviderIT.login", "passed").checks("P-01").write();
        firefox.expect("app.ProviderIT.findBooking", false, true, "P-02");

        assertThat(gate(chromium.folder(), firefox.folder())).isEqualTo(ReleaseGate.BLOCKED);
        assertThat(verdict().path("items").get(1).path("pairs").path("firefox").asText()).isEqualTo("missing");
    }

    @Test
    void resultsThatDoNotNameTheirBrowsersOrTwoRunsOfOnePairAreRefused() throws IOException {
        AllureResults chromium = allPass(pair("chromium", "chromium"));
        AllureResults unnamed = allPass(new AllureResults(dir.resolve("unnamed")));
        assertThat(gate(chromium.folder(), unnamed.folder())).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("does not say which browsers ran it");
        assertThat(dir.resolve("out/verdict.json")).as("no verdict left from an earlier gate").doesNotExist();

        AllureResults again = allPass(pair("again", "chromium"));
        assertThat(gate(chromium.folder(), again.folder())).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("are both runs on chromium: give one run per browser pair");
    }
}
