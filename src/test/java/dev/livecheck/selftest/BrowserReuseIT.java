package dev.livecheck.selftest;

import dev.livecheck.matrix.SuiteRunner;
import org.junit.jupiter.api.parallel.Isolated;
import dev.livecheck.selftest.cases.ReuseCase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** A warm browser carries nothing from one test into the next: a login, cookies, storage, permissions or tabs. */
@Tag("selftest")
@Isolated
class BrowserReuseIT {
    @Test
    void aReusedBrowserStartsClean() {
        List<SuiteRunner.Outcome> outcomes = SuiteRunner.run(List.of(selectClass(ReuseCase.class)), m -> true, Map.of());

        assertThat(outcomes).hasSize(2);
        assertThat(outcomes).as("both tests, on one browser").allSatisfy(o -> assertThat(o.passed()).as("%s: %s", o.test(), o.message()).isTrue());
    }
}
