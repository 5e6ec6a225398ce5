package dev.livecheck.machine;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static dev.livecheck.machine.Attribution.Owner.OTHER_PROGRAMS;
import static dev.livecheck.machine.Attribution.Owner.OTHER_TESTS;
import static dev.livecheck.machine.Attribution.Owner.TEST;
import static org.assertj.core.api.Assertions.assertThat;

class MachineLoadTest {
    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aMachineBusyWithTheTestAloneHadRoom() {
        MachineLoad load = load(30, second -> Map.of(TEST, 1.9, OTHER_PROGRAMS, 0.05));

        assertThat(load.overload(true)).isEmpty();
    }

    @Test
    void otherProgramsTakingHalfACoreOnAverageAreTheEnvironments() {
        MachineLoad load = load(30, second -> Map.of(TEST, 1.0, OTHER_PROGRAMS, 0.6));

        assertThat(load.overload(false)).hasValueSatisfying(why -> assertThat(why)
                .contains("other programs and the hypervisor took 0.60 of 2 cores on average"));
    }

    @Test
    void aShortBurstAtTheStartCountsThoughTheAverageIsLow() {
        MachineLoad load = load(40, second -> second >= 2 && second < 5 ? Map.of(OTHER_TESTS, 1.6) : Map.of(TEST, 0.8));

        assertThat(load.overload(true)).hasValueSatisfying(why -> assertThat(why).contains("1.60 of 2 cores over 3 s (+2 s)")
                .contains("other tests' browsers"));
    }

    @Test
    void otherTestsCountOnlyForATestThatNeedsAQuietMachine() {
        MachineLoad load = load(30, second -> Map.of(TEST, 0.8, OTHER_TESTS, 0.9));

        assertThat(load.overload(false)).as("a test that shares the machine by design").isEmpty();
        assertThat(load.overload(true)).isPresent();
    }

    @Test
    void stealAndLowMemoryAndALateSamplerAreTheEnvironments() {
        List<MachineLoad.Second> seconds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            seconds.add(new MachineLoad.Second(START.plusSeconds(i + 1), i == 5 ? 4.2 : 1.0, new EnumMap<>(Map.of(TEST, 0.5)), 1.0, 0.7, 2,
                    i == 7 ? 300 * 1024 : 8L << 20));
        }
        String why = MachineLoad.of(2, seconds, START).overload(false).orElseThrow();

        assertThat(why).contains("hypervisor took 0.70").contains("free memory fell to 300 MiB").contains("sampler ran 4.2 s late");
    }

    @Test
    void episodesNameTheStretchesWhenTheMachineWasFull() {
        MachineLoad load = load(10, second -> second < 4 ? Map.of(TEST, 1.0, OTHER_PROGRAMS, 0.95) : Map.of(TEST, 0.5));

        assertThat(load.episodes()).singleElement().satisfies(e -> assertThat(e.text()).startsWith("busy up to 98 % for 4 s")
                .contains("other programs 0.95"));
    }

    private static MachineLoad load(int count, java.util.function.IntFunction<Map<Attribution.Owner, Double>> cores) {
        List<MachineLoad.Second> seconds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<Attribution.Owner, Double> byOwner = new EnumMap<>(Attribution.Owner.class);
            byOwner.putAll(cores.apply(i));
            double busy = byOwner.values().stream().mapToDouble(Double::doubleValue).sum();
            seconds.add(new MachineLoad.Second(START.plusSeconds(i + 1), 1.0, byOwner, busy, 0, 3, 16L << 20));
        }
        return MachineLoad.of(2, seconds, START);
    }
}
