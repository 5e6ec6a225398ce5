package dev.livecheck.selftest;

import dev.livecheck.config.Settings;
import org.junit.jupiter.api.parallel.Isolated;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.LiveKitServers;
import dev.livecheck.matrix.SuiteRunner;
import dev.livecheck.selftest.cases.JoinCase;
import dev.livecheck.selftest.cases.UnknownChecklistIdCase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.livecheck.check.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Bad input ends in under 10 s with one line naming the cause and the fix, and nothing is left running. */
@Tag("selftest")
@Isolated
class BadInputIT {
    private static ServerSocket takenPort;

    static Stream<Arguments> badInput() throws IOException {
        takenPort = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        return Stream.of(
                Arguments.of("Chromium missing", Map.of("livecheck.chromium.binary", "/nonexistent/chromium"), "Chromium not found at /nonexistent/chromium"),
                Arguments.of("no Docker image and no LiveKit binary", Map.of("livecheck.livekit.mode", "auto",
                        "livecheck.livekit.image", "livecheck/not-built:0", "livecheck.livekit.binary", "/nonexistent/livekit-server"), "run scripts/provision"),
                Arguments.of("unknown LiveKit mode", Map.of("livecheck.livekit.mode", "cloud"), "unknown LiveKit mode 'cloud'"),
                Arguments.of("LiveKit port taken", Map.of("livecheck.livekit.mode", "binary", "livecheck.livekit.port",
                        Integer.toString(takenPort.getLocalPort())), "is already taken"),
                Arguments.of("app URL unreachable", Map.of("livecheck.app.url", "http://127.0.0.1:1"), "app at http://127.0.0.1:1 is unreachable"),
                Arguments.of("unknown booking id", Map.of("livecheck.profile.sessions.live", "777"), "bookings.row (testid:booking-row-777) not shown"),
                Arguments.of("a profile for another app", Map.of("livecheck.app.profile", "livekit-components"),
                        "app profile 'livekit-components' does not fit the app"),
                Arguments.of("the testids profile on the components app", Map.of("livecheck.app.command", "node ${livecheck.componentsApp.dir}/server.mjs",
                        "livecheck.app.profile", "testids"), "app profile 'testids' does not fit the app: login.username (testid:login-email) not shown on http://localhost:"),
                Arguments.of("a profile with a typo", Map.of("livecheck.profile.flow.loginPth", "/login"), "flow.loginPth is not a key livecheck knows"),
                Arguments.of("fake media file missing", Map.of("livecheck.media.client.video", "/nonexistent/client.y4m"), "fake video file /nonexistent/client.y4m is missing"),
                Arguments.of("unknown bug switched on", Map.of("livecheck.app.bugs", "typo"), "unknown bug 'typo'"),
                Arguments.of("no Selenium Grid at the Grid URL", Map.of("livecheck.grid.url", "http://127.0.0.1:1"),
                        "livecheck.grid.url=http://127.0.0.1:1: nothing answers at 127.0.0.1:1 (connection refused)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void failsFastAndClearly(String name, Map<String, String> properties, String expected) {
        Leaks before = Leaks.now();
        List<SuiteRunner.Outcome> outcomes = SuiteRunner.run(List.of(selectClass(JoinCase.class)), m -> m.getName().equals("bothSeeEachOthersCamera"), properties);
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).passed()).isFalse();
        assertThat(outcomes.get(0).message()).as("the error").contains(expected).doesNotContain("\n");
        assertThat(outcomes.get(0).took()).as("time to fail").isLessThan(Duration.ofSeconds(10));
        waitUntil("nothing of the failed start left running", Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Leaks.now().minus(before)).matches(Leaks::isEmpty));
    }

    @org.junit.jupiter.api.Test
    void aWrongApiSecretForAnExternalLiveKitFailsFast() {
        try (LiveKitServer livekit = LiveKitServers.start(Settings.fromSystem().with("livecheck.livekit.mode", "binary"))) {
            Leaks before = Leaks.now();
            List<SuiteRunner.Outcome> outcomes = SuiteRunner.run(List.of(selectClass(JoinCase.class)), m -> m.getName().equals("bothSeeEachOthersCamera"),
                    Map.of("livecheck.livekit.mode", "external", "livecheck.livekit.url", livekit.wsUrl(),
                            "livecheck.livekit.apiKey", livekit.credentials().apiKey(), "livecheck.livekit.apiSecret", "not-the-secret-0123456789abcdef0123"));
            assertThat(outcomes).singleElement().satisfies(o -> {
                assertThat(o.passed()).isFalse();
                assertThat(o.message()).contains("rejected the API key/secret").contains("LIVEKIT_API_SECRET").doesNotContain("\n");
                assertThat(o.took()).isLessThan(Duration.ofSeconds(10));
            });
            assertThat(Leaks.now().minus(before)).matches(Leaks::isEmpty);
        }
    }

    @org.junit.jupiter.api.Test
    void aMalformedChecklistFailsBeforeStartingAnything() throws IOException {
        Path malformed = Files.createTempDirectory("livecheck-testdata");
        Files.writeString(malformed.resolve("checklist.md"), "# x\n## Provider\n- [ ] P-1 Login\n");
        List<SuiteRunner.Outcome> outcomes = SuiteRunner.run(List.of(selectClass(UnknownChecklistIdCase.class)), m -> true,
                Map.of("livecheck.testdata", malformed.toString()));
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.passed()).isFalse();
            assertThat(o.message()).contains("checklist.md").doesNotContain("\n");
            assertThat(o.took()).isLessThan(Duration.ofSeconds(10));
        });
    }

    @org.junit.jupiter.api.Test
    void aTestNamingAnUnknownChecklistIdFailsBeforeStartingAnything() {
        List<SuiteRunner.Outcome> outcomes = SuiteRunner.run(List.of(selectClass(UnknownChecklistIdCase.class)), m -> true, Map.of());
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.passed()).isFalse();
            assertThat(o.message()).contains("testdata/checklist.md has no item Z-99");
            assertThat(o.took()).isLessThan(Duration.ofSeconds(10));
        });
    }
}
