package dev.livecheck.junit;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrencyTest {

    private static Settings settings(Map<String, String> properties) {
        return new Settings(properties::get, Map.of());
    }

    @Test
    void aNumberIsTakenAsGivenWhenEveryClassCanHaveItsOwnLiveKitAndApp() {
        assertThat(Concurrency.decide(settings(Map.of("livecheck.concurrency", "3"))).classes()).isEqualTo(3);
    }

    @Test
    void autoIsAtLeastOneAndAtMostOnePerCore() {
        int auto = Concurrency.decide(settings(Map.of())).classes();
        assertThat(auto).isBetween(1, Runtime.getRuntime().availableProcessors());
    }

    @Test
    void anAppLivecheckDidNotStartRunsOneClassAtATimeAndSaysWhy() {
        Concurrency.Decision d = Concurrency.decide(settings(Map.of("livecheck.concurrency", "4", "livecheck.app.url", "https://app.example")));
        assertThat(d.classes()).isEqualTo(1);
        assertThat(d.why()).hasValueSatisfying(why -> assertThat(why).contains("livecheck.app.url"));
    }

    @Test
    void aSharedOrExternalLiveKitRunsOneClassAtATime() {
        assertThat(Concurrency.decide(settings(Map.of("livecheck.concurrency", "4", "livecheck.livekit.mode", "external"))).classes()).isEqualTo(1);
        assertThat(Concurrency.decide(settings(Map.of("livecheck.concurrency", "4", "livecheck.livekit.reuse", "true"))).classes()).isEqualTo(1);
        assertThat(Concurrency.decide(settings(Map.of("livecheck.concurrency", "4", "livecheck.livekit.port", "7880"))).classes()).isEqualTo(1);
    }

    @Test
    void onAGridTheClassesAtOnceAreWhatItsFreeSlotsCarry() throws java.io.IOException {
        // three nodes of two chrome slots: three classes of two browsers, whatever this machine's cores
        String node = "{\"uri\": \"http://n:5555\", \"maxSessions\": 2, \"availability\": \"UP\", \"slots\": ["
                + "{\"session\": null, \"stereotype\": {\"browserName\": \"chrome\"}}, {\"session\": null, \"stereotype\": {\"browserName\": \"chrome\"}}]}";
        com.sun.net.httpserver.HttpServer grid = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        grid.createContext("/status", exchange -> {
            byte[] body = ("{\"value\": {\"ready\": true, \"nodes\": [" + node + ", " + node + ", " + node + "]}}").getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        grid.start();
        try {
            String url = "http://127.0.0.1:" + grid.getAddress().getPort();
            assertThat(Concurrency.decide(settings(Map.of("livecheck.grid.url", url))).classes()).isEqualTo(3);
        } finally {
            grid.stop(0);
        }
    }

    @Test
    void aGridThatCannotBeAskedGetsOneClassWhoseTestsSayWhy() {
        String url = "http://127.0.0.1:" + dev.livecheck.net.Ports.freeTcp();
        assertThat(Concurrency.decide(settings(Map.of("livecheck.grid.url", url))).classes()).isEqualTo(1);
    }

    @Test
    void badValuesNameTheFix() {
        assertThatThrownBy(() -> Concurrency.decide(settings(Map.of("livecheck.concurrency", "lots"))))
                .isInstanceOf(LivecheckException.class).hasMessageContaining("give auto or a number");
        assertThatThrownBy(() -> Concurrency.decide(settings(Map.of("livecheck.concurrency", "0"))))
                .isInstanceOf(LivecheckException.class).hasMessageContaining("-Dlivecheck.concurrency=1");
    }

    @Test
    void thePoolCannotGrowPastTheClassesAtOnce() {
        System.setProperty("livecheck.concurrency", "3");
        try {
            ParallelExecutionConfiguration config = new Concurrency().createConfiguration(null);
            assertThat(config.getParallelism()).isEqualTo(3);
            assertThat(config.getMaxPoolSize()).as("max pool size: a blocked test must not get a thread added beside it").isEqualTo(3);
            assertThat(config.getSaturatePredicate().test(ForkJoinPool.commonPool())).as("saturate instead of failing at the bound").isTrue();
        } finally {
            System.clearProperty("livecheck.concurrency");
        }
    }

    @Test
    void thePomGivesFailsafeTheSameJUnitSettings() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Concurrency.JUNIT_PARAMETERS.forEach((key, value) -> assertThat(pom).as("pom.xml's failsafe configurationParameters")
                .containsPattern(java.util.regex.Pattern.quote(key) + "\\s*=\\s*" + java.util.regex.Pattern.quote(value)));
    }
}
