package dev.livecheck.selftest;

import dev.livecheck.matrix.SuiteRunner;
import org.junit.jupiter.api.parallel.Isolated;
import dev.livecheck.selftest.cases.JoinCase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The join passes with a real LiveKit in each local mode: a Testcontainers container and a local binary. */
@Tag("selftest")
@Isolated
class LiveKitModesIT {

    @ParameterizedTest(name = "LiveKit mode {0}")
    @ValueSource(strings = {"container", "binary"})
    void theJoinPassesInEachMode(String mode) {
        List<SuiteRunner.Outcome> outcomes = SuiteRunner.run(List.of(selectClass(JoinCase.class)),
                m -> m.getName().equals("bothSeeEachOthersCamera"), Map.of("livecheck.livekit.mode", mode));
        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.passed()).as("join with LiveKit as a %s: %s", mode, o.message()).isTrue());
    }
}
