package dev.livecheck.selftest;

import dev.livecheck.matrix.SuiteRunner;
import org.junit.jupiter.api.parallel.Isolated;
import dev.livecheck.media.MediaFiles;
import dev.livecheck.media.Rgb;
import dev.livecheck.selftest.cases.JoinCase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.livecheck.check.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The harness fails when what it checks is broken, says what it waited for, and leaves nothing running
 * after a passing or a failing run. Each case runs in a nested launcher with its own environment.
 */
@Tag("selftest")
@Isolated
class HarnessCanFailIT {

    private static SuiteRunner.Outcome runJoinCase(String method, Map<String, String> properties) {
        List<SuiteRunner.Outcome> outcomes = SuiteRunner.run(List.of(selectClass(JoinCase.class)), m -> m.getName().equals(method), properties);
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    @Test
    void aPassingRunLeavesNothingRunning() {
        Leaks before = Leaks.now();
        SuiteRunner.Outcome outcome = runJoinCase("bothSeeEachOthersCamera", Map.of());
        assertThat(outcome.passed()).as("the clean join (%s)", outcome.message()).isTrue();
        awaitNothingLeftSince(before);
    }

    @Test
    void theClientCameraShowingTheProvidersColourFailsNamingTheColour(@TempDir Path dir) {
        Path red = MediaFiles.writeY4m(dir.resolve("red.y4m"), new Rgb(220, 30, 30));
        Leaks before = Leaks.now();
        SuiteRunner.Outcome outcome = runJoinCase("bothSeeEachOthersCamera", Map.of("livecheck.media.client.video", red.toString()));
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.message()).contains("client's camera").contains("colour of client's video on provider's page");
        awaitNothingLeftSince(before);
    }

    @Test
    void closingTheClientsBrowserBeforeTheWaitFailsNamingTheWait() {
        Leaks before = Leaks.now();
        SuiteRunner.Outcome outcome = runJoinCase("clientBrowserClosedBeforeTheWait", Map.of("livecheck.timeout.seconds", "30"));
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.message()).containsPattern("(provider's page shows client|client's page shows provider)");
        awaitNothingLeftSince(before);
    }

    static void awaitNothingLeftSince(Leaks before) {
        waitUntil("every browser, driver, LiveKit and app of the nested run stopped", Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(Leaks.now().minus(before)).as("left running by the nested run").matches(Leaks::isEmpty));
    }
}
