package dev.livecheck.selftest;

import dev.livecheck.matrix.SuiteRunner;
import dev.livecheck.selftest.cases.BrokenCallCase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.engine.TestExecutionResult.Status;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A scenario's shared call, broken on purpose in its second test: that test fails with the cause, once; the tests
 * after it are not run, each naming where the call broke — never passed, never a cascade of unrelated failures.
 */
@Tag("selftest")
@Isolated
class ScenarioIT {

    @Test
    void aBrokenCallFailsTheTestThatBrokeItAndTheRestAreNotRun() {
        Leaks before = Leaks.now();
        List<SuiteRunner.Outcome> outcomes = SuiteRunner.run(List.of(selectClass(BrokenCallCase.class)), m -> true, Map.of());

        assertThat(outcomes).extracting(SuiteRunner.Outcome::test, SuiteRunner.Outcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("theClientSeesTheProvider(Call)", Status.SUCCESSFUL),
                org.assertj.core.groups.Tuple.tuple("theClientLeavesForGood(Call)", Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("theProviderIsHeard(Call)", Status.ABORTED),
                org.assertj.core.groups.Tuple.tuple("theClientIsHeard(Call)", Status.ABORTED));
        assertThat(outcomes.get(1).message()).as("the failure names the cause").contains("the shared call broke during this test")
                .contains("client's page in the room");
        assertThat(outcomes.subList(2, 4)).allSatisfy(o -> assertThat(o.message()).as("why %s did not run", o.test())
                .startsWith("not run: the call broke in \"theClientLeavesForGood(Call)\""));
        HarnessCanFailIT.awaitNothingLeftSince(before);
    }
}
