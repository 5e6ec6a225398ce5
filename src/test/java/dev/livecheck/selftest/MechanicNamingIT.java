package dev.livecheck.selftest;

import dev.livecheck.junit.Checks;
import org.junit.jupiter.api.parallel.Isolated;
import dev.livecheck.matrix.SuiteRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The troubleshooting guide's own world — mechanic and customer, rooms named session-{uuid}, a device
 * preflight, the guide's console lines — is reached by a profile alone: the reference app runs with that
 * naming, and the diagnostics section passes with no change in the checks.
 */
@Tag("selftest")
@Isolated
class MechanicNamingIT {
    @Test
    void theDiagnosticsPassForTheMechanicAndCustomerNamingThroughItsProfile() throws ClassNotFoundException {
        List<SuiteRunner.Outcome> outcomes = SuiteRunner.run(List.of(selectClass(Class.forName("dev.livecheck.checklist.DiagnosticsIT"))),
                m -> m.isAnnotationPresent(Checks.class),
                Map.of("livecheck.app.naming", "mechanic", "livecheck.app.profile", "reference-app-mechanic"));

        assertThat(outcomes).as("the diagnostics items").hasSize(7);
        assertThat(outcomes).as("diagnostics with the mechanic naming: %s", outcomes.stream().filter(o -> !o.passed())
                .map(o -> o.test() + ": " + o.message()).toList()).allMatch(SuiteRunner.Outcome::passed);
    }
}
