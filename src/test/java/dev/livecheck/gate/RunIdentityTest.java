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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verdict.json says which run it judged: commit, app under test, LiveKit, when the tests ran. */
class RunIdentityTest {

    @TempDir
    Path dir;

    private AllureResults results;
    private Path out;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        results = new AllureResults(dir.resolve("allure-results"));
        out = dir.resolve("out");
        results.result("app.ProviderIT.login", "passed").checks("P-01").timed(1_795_000_001_000L, 1_795_000_005_000L).write();
        results.result("app.ClientIT.join", "failed").checks("C-01").timed(1_795_000_002_000L, 1_795_000_009_500L).write();
    }

    @AfterEach
    void clearCommit() {
        System.clearProperty("livecheck.commit");
    }

    @Test
    void theVerdictNamesTheCommitTheAppLiveKitAndWhenTheTestsRan() throws IOException {
        Files.writeString(results.folder().resolve("environment.properties"), """
                livecheck=0.1.0
                LiveKit.mode=container
                LiveKit.server=v1.13.5
                App=reference app
                App.profile=reference-app (testdata/apps/reference-app.yml)
                App.url=http\\://localhost\\:41231
                """);
        System.setProperty("livecheck.commit", "0123456789abcdef0123456789abcdef01234567");

        JsonNode run = gate().get("run");

        assertThat(run.get("commit").asText()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(run.get("commitFrom").asText()).isEqualTo("livecheck.commit");
        assertThat(run.get("app").asText()).isEqualTo("reference app");
        assertThat(run.get("appVersion").asText()).isEqualTo("livecheck 0.1.0");
        assertThat(run.get("appUrl").asText()).isEqualTo("http://localhost:41231");
        assertThat(run.get("appProfile").asText()).startsWith("reference-app");
        assertThat(run.get("livekit").asText()).isEqualTo("v1.13.5");
        assertThat(run.get("livekitMode").asText()).isEqualTo("container");
        assertThat(run.get("started").asText()).isEqualTo("2026-11-18T11:06:41Z");
        assertThat(run.get("finished").asText()).isEqualTo("2026-11-18T11:06:49.500Z");
    }

    @Test
    void anAppLivecheckDidNotShipHasNoVersionItCouldKnow() throws IOException {
        Files.writeString(results.folder().resolve("environment.properties"), "App=external\nApp.url=https\\://consult.example.com\n");

        JsonNode run = gate().get("run");

        assertThat(run.get("app").asText()).isEqualTo("external");
        assertThat(run.get("appUrl").asText()).isEqualTo("https://consult.example.com");
        assertThat(run.get("appVersion").asText()).isEqualTo("unknown");
    }

    @Test
    void withoutTheRunsEnvironmentWhatIsNotKnownSaysSo() throws IOException {
        JsonNode run = gate().get("run");

        assertThat(run.get("app").asText()).isEqualTo("unknown");
        assertThat(run.get("livekit").asText()).isEqualTo("unknown");
        assertThat(run.get("commit").asText()).as("this checkout's HEAD, or unknown outside git").matches("[0-9a-f]{40}|unknown");
        assertThat(run.get("started").asText()).isEqualTo("2026-11-18T11:06:41Z");
    }

    private JsonNode gate() throws IOException {
        PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
        ReleaseGate.run(new String[] {"--results", results.folder().toString(), "--out", out.toString(), "--enforce=false"}, print, print);
        return new ObjectMapper().readTree(out.resolve("verdict.json").toFile());
    }
}
