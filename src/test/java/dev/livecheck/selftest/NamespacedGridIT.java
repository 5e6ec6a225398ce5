package dev.livecheck.selftest;

import dev.livecheck.grid.GridStatus;
import dev.livecheck.matrix.SuiteRunner;
import dev.livecheck.selftest.cases.JoinCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.livecheck.check.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The multi-node Grid of scripts/grid-netns is other hosts as far as the harness is concerned: a node reaches only what
 * listens on the bridge, none of the harness's loopback, and reads none of its files; a call still runs on it; its
 * capacity is read from the Grid, a full Grid is refused in one line, and nothing of it is left once it is down.
 */
@Tag("selftest")
@Isolated
class NamespacedGridIT {
    private static NamespacedGrid grid;

    @BeforeAll
    static void gridUp() {
        grid = NamespacedGrid.up(2, 2);
    }

    @AfterAll
    static void gridDown() throws IOException {
        if (grid != null) {
            grid.close();
        }
        assertNothingOfTheGridLeft();
    }

    @Test
    void aCallRunsOnNodesThatReachTheHarnessOnlyOverTheirNetwork() {
        // the app and LiveKit answer on the bridge address, the app's URL stays localhost (mapped there), the media travel in scripts
        Leaks before = Leaks.now();
        List<SuiteRunner.Outcome> outcomes = SuiteRunner.run(List.of(selectClass(JoinCase.class)), m -> m.getName().equals("bothSeeEachOthersCamera"),
                Map.of("livecheck.grid.url", grid.url().toString()));
        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.passed()).as("the join on the namespaced Grid: %s", o.message()).isTrue());
        waitUntil("nothing of the call left running", Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Leaks.now().minus(before)).matches(Leaks::isEmpty));
    }

    @Test
    void aNodeIsAnotherHostWhoseCapacityComesFromTheGrid() throws IOException {
        Path harnessFile = Files.createTempFile("livecheck-harness-", ".txt");
        try (ServerSocket onLoopback = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket onTheBridge = new ServerSocket(0, 1, InetAddress.getByName(grid.url().getHost()))) {
            String hub = grid.url().getHost();
            for (int node : List.of(1, 2)) {
                assertThat(reaches(grid, node, hub, onTheBridge.getLocalPort())).as("node %d reaches what listens on the bridge", node).isTrue();
                assertThat(reaches(grid, node, "127.0.0.1", onLoopback.getLocalPort())).as("node %d reaches the harness's loopback", node).isFalse();
                assertThat(reaches(grid, node, hub, onLoopback.getLocalPort())).as("node %d reaches a loopback-only port by the bridge", node).isFalse();
                assertThat(grid.onNode(node, "test", "-x", "/usr/bin/chromedriver").exit()).as("node %d has its own chromedriver", node).isZero();
                assertThat(grid.onNode(node, "test", "-e", harnessFile.toString()).exit()).as("node %d reads the harness's temp file", node).isNotZero();
                assertThat(grid.onNode(node, "test", "-e", Path.of("testdata/checklist.md").toAbsolutePath().toString()).exit())
                        .as("node %d reads the harness's project", node).isNotZero();
            }

            GridStatus status = GridStatus.read(grid.url());
            assertThat(status.nodes()).hasSize(2);
            assertThat(status.free("chrome")).isEqualTo(4);
            assertThat(status.classesAtOnce(Map.of("chrome", 2))).isEqualTo(2);

            List<WebDriver> holding = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    holding.add(new RemoteWebDriver(grid.url().toURL(), new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new", "--no-sandbox")));
                }
                assertThat(GridStatus.read(grid.url()).describe()).as("sessions spread over both nodes")
                        .contains(".11:5555 UP chrome 0/2 free").contains(".12:5555 UP chrome 0/2 free");
                assertThatThrownBy(() -> GridStatus.read(grid.url()).classesAtOnce(Map.of("chrome", 2)))
                        .hasMessage("livecheck.grid.url=" + grid.url() + ": the Grid is full: 0 of 4 chrome slots free on 2 node(s), a test needs 2"
                                + " — wait for its sessions to end, or add nodes");
                // and the checklist, pointed at it, says so in seconds instead of queueing for a slot
                Leaks before = Leaks.now();
                List<SuiteRunner.Outcome> outcomes = SuiteRunner.run(List.of(selectClass(JoinCase.class)), m -> m.getName().equals("bothSeeEachOthersCamera"),
                        Map.of("livecheck.grid.url", grid.url().toString()));
                assertThat(outcomes).singleElement().satisfies(o -> {
                    assertThat(o.passed()).isFalse();
                    assertThat(o.message()).contains("the Grid is full: 0 of 4 chrome slots free").doesNotContain("\n");
                    assertThat(o.took()).as("time to refuse").isLessThan(Duration.ofSeconds(10));
                });
                assertThat(Leaks.now().minus(before)).matches(Leaks::isEmpty);
            } finally {
                holding.forEach(WebDriver::quit);
            }
        } finally {
            Files.deleteIfExists(harnessFile);
        }
    }

    private static boolean reaches(NamespacedGrid grid, int node, String host, int port) {
        return grid.onNode(node, "bash", "-c", "exec 3<>/dev/tcp/" + host + "/" + port).exit() == 0;
    }

    private static void assertNothingOfTheGridLeft() throws IOException {
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("org.openqa.selenium.grid.Main")))
                .as("Grid processes left").isEmpty();
        assertThat(output("ip", "netns", "list")).as("network namespaces left").doesNotContain("lcgrid-node");
        assertThat(output("ip", "-o", "link", "show")).as("bridge or cables left").doesNotContain("lcgrid0").doesNotContain("lcgv");
    }

    private static String output(String... command) throws IOException {
        return new String(new ProcessBuilder(command).redirectErrorStream(true).start().getInputStream().readAllBytes());
    }
}
