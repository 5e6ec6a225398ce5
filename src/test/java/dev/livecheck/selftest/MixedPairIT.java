package dev.livecheck.selftest;

import dev.livecheck.junit.Checks;
import dev.livecheck.matrix.SuiteRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * "Try Chrome and Firefox": every run, a mixed pair — the provider in Chromium, the client in Firefox — through the
 * items where the browsers differ most: joining, each one's camera and microphone reaching the other (colour and
 * tone), the screen share (Firefox's, given on a click), the camera turned off and back on (LiveKit reopens the
 * device), both devices blocked (Firefox's permissions), and the console read over WebDriver BiDi. Then a bug only
 * the Firefox side shows (its microphone publishes a hiss) must fail the item, heard from the Chromium side. The
 * whole checklist on every pair is the nightly's (README, Firefox and mixed pairs).
 */
@Tag("selftest")
@Isolated
class MixedPairIT {
    private static final Map<String, String> MIXED = Map.of("livecheck.browsers", "provider:chromium,client:firefox");
    private static final Set<String> ITEMS = Set.of("C-04", "C-06", "C-08", "C-09", "P-06", "P-10", "F-02", "D-03");
    private static final String CHECKLIST = "dev.livecheck.checklist.";
    private static final List<String> SUITES = List.of("ClientChecklistIT", "ProviderChecklistIT", "FeaturesIT", "DiagnosticsIT", "ErrorPathsIT");

    @Test
    void theItemsWhereBrowsersDifferPassOnAMixedPair() {
        List<SuiteRunner.Outcome> outcomes = run(MIXED, m -> checks(m, ITEMS) || m.getName().equals("aBlockedCameraAndMicrophoneAreHandled"));
        assertThat(outcomes).as("tests run").hasSizeGreaterThanOrEqualTo(ITEMS.size() + 1)
                .allSatisfy(o -> assertThat(o.passed()).as("%s on provider Chromium, client Firefox: %s %s", o.test(), o.status(), o.message()).isTrue());
    }

    @Test
    void aMicrophoneBugOfTheFirefoxSideFailsTheItemHeardFromChromium() {
        Map<String, String> withBug = new java.util.HashMap<>(MIXED);
        withBug.put("livecheck.app.bugs", "wrong-microphone");
        withBug.put("livecheck.timeout.seconds", "12"); // as the bug matrix: a bug is caught by a check that fails, sooner
        List<SuiteRunner.Outcome> outcomes = run(withBug, m -> m.getDeclaringClass().getName().equals(CHECKLIST + "ClientChecklistIT")
                && checks(m, Set.of("C-06")));
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.failedCheck()).as("C-06 with the client's microphone publishing a hiss: %s %s", o.status(), o.message()).isTrue();
            assertThat(o.message()).contains("provider hears client's microphone");
        });
    }

    private static List<SuiteRunner.Outcome> run(Map<String, String> properties, java.util.function.Predicate<Method> include) {
        return SuiteRunner.run(SUITES.stream().map(c -> selectClass(CHECKLIST + c)).toList(), include, properties);
    }

    private static boolean checks(Method m, Set<String> items) {
        Checks checks = m.getAnnotation(Checks.class);
        return checks != null && Arrays.stream(checks.value()).anyMatch(items::contains);
    }
}
