package dev.livecheck.machine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.livecheck.machine.Attribution.Owner.KERNEL;
import static dev.livecheck.machine.Attribution.Owner.LIVECHECK;
import static dev.livecheck.machine.Attribution.Owner.OTHER_PROGRAMS;
import static dev.livecheck.machine.Attribution.Owner.OTHER_TESTS;
import static dev.livecheck.machine.Attribution.Owner.TEST;
import static org.assertj.core.api.Assertions.assertThat;

class AttributionTest {
    private static final String MINE = "/tmp/livecheck-chromium-111";
    private static final String THEIRS = "/tmp/livecheck-chromium-222";

    /** A JVM running two tests' browsers, a LiveKit in a container, a build, and the kernel. */
    private final Map<Long, MachineSampler.Known> machine = Stream.of(
            known(1, 0, "init", "/sbin/init"),
            known(2, 0, "kthreadd", ""),
            known(3, 2, "ksoftirqd/0", ""),
            known(100, 1, "java", "java -jar surefire.jar"),
            known(200, 100, "chromedriver", "/usr/bin/chromedriver --port=1"),
            known(201, 200, "chromium", "/usr/lib/chromium/chromium --user-data-dir=" + MINE),
            known(202, 201, "chromium", "/usr/lib/chromium/chromium --type=renderer"),
            known(300, 100, "chromedriver", "/usr/bin/chromedriver --port=2"),
            known(301, 300, "chromium", "/usr/lib/chromium/chromium --user-data-dir=" + THEIRS),
            known(302, 301, "chromium", "/usr/lib/chromium/chromium --type=gpu-process"),
            known(400, 100, "node", "node server.mjs"),
            known(500, 50, "livekit-server", "/livekit-server --config-body ..."),
            known(50, 1, "containerd-shim", "containerd-shim-runc-v2"),
            known(600, 1, "cc1plus", "cc1plus -O2 big.cc"),
            known(700, 1, "chromium", "/usr/lib/chromium/chromium --user-data-dir=/tmp/livecheck-chromium-333")
    ).collect(Collectors.toMap(MachineSampler.Known::pid, k -> k));

    @Test
    void theTestsBrowserItsChildrenAndItsDriverAreTheTests() {
        Attribution who = new Attribution(machine, List.of(MINE), Set.of(100L));

        assertThat(Stream.of(200L, 201L, 202L).map(who::of)).containsOnly(TEST);
    }

    @Test
    void anotherTestsBrowserUnderALivecheckJvmIsAnotherTests() {
        Attribution who = new Attribution(machine, List.of(MINE), Set.of(100L));

        assertThat(Stream.of(301L, 302L).map(who::of)).containsOnly(OTHER_TESTS);
        assertThat(who.of(700)).as("a livecheck browser whose JVM is gone").isEqualTo(OTHER_TESTS);
    }

    @Test
    void theHarnessItsAppsAndLiveKitAreLivechecksOwn() {
        Attribution who = new Attribution(machine, List.of(MINE), Set.of(100L));

        assertThat(Stream.of(100L, 400L, 500L).map(who::of)).containsOnly(LIVECHECK);
    }

    @Test
    void everythingElseIsAnotherProgramOrTheKernel() {
        Attribution who = new Attribution(machine, List.of(MINE), Set.of(100L));

        assertThat(who.of(600)).isEqualTo(OTHER_PROGRAMS);
        assertThat(who.of(50)).isEqualTo(OTHER_PROGRAMS);
        assertThat(who.of(3)).isEqualTo(KERNEL);
        assertThat(who.of(9999)).as("a process never seen").isEqualTo(OTHER_PROGRAMS);
    }

    @Test
    void withoutTheJvmRegisteredItsChildrenAreOtherProgramsButItsBrowsersStillTests() {
        Attribution who = new Attribution(machine, List.of(MINE), Set.of());

        assertThat(who.of(400)).isEqualTo(OTHER_PROGRAMS);
        assertThat(who.of(201)).isEqualTo(TEST);
        assertThat(who.of(301)).isEqualTo(OTHER_TESTS);
    }

    private static MachineSampler.Known known(long pid, long ppid, String comm, String cmdline) {
        return new MachineSampler.Known(pid, ppid, comm, cmdline, pid * 10);
    }
}
