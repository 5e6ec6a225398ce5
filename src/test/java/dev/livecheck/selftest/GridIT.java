package dev.livecheck.selftest;

import dev.livecheck.config.Settings;
import org.junit.jupiter.api.parallel.Isolated;
import dev.livecheck.grid.LocalGrid;
import dev.livecheck.matrix.SuiteRunner;
import dev.livecheck.selftest.cases.JoinCase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The join test with both browsers on a Selenium Grid (livecheck.grid.url) instead of local Chromium. */
@Tag("selftest")
@Isolated
class GridIT {

    @Test
    void theJoinTestPassesThroughASeleniumGrid() {
        Settings settings = Settings.fromSystem();
        Path classpath = Path.of(settings.getOr("livecheck.grid.classpath",
                System.getProperty("user.home") + "/.cache/livecheck/selenium-grid/4.48.0.classpath"));
        try (LocalGrid grid = LocalGrid.start(classpath, Path.of(settings.getOr("livecheck.chromedriver", "/usr/bin/chromedriver")), 2)) {
            List<SuiteRunner.Outcome> outcomes = SuiteRunner.run(List.of(selectClass(JoinCase.class)), m -> m.getName().equals("bothSeeEachOthersCamera"),
                    Map.of("livecheck.grid.url", grid.url().toString()));
            assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.passed()).as("join through the Grid: %s", o.message()).isTrue());
        }
    }
}
