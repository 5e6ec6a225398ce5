package dev.livecheck.selftest;

import dev.livecheck.browser.BrowserSettings;
import org.junit.jupiter.api.parallel.Isolated;
import dev.livecheck.config.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/provision on a machine like GitHub's hosted Ubuntu runner: no Debian chromium (Ubuntu's is a snap), Google
 * Chrome on PATH and in CHROME_BIN, its chromedriver in $CHROMEWEBDRIVER. Simulated here with /usr/bin minus every
 * browser and driver (and apt), a "google-chrome" wrapper that runs this machine's browser, a snap "chromium-browser"
 * wrapper, and a CHROMEWEBDRIVER folder linking this machine's driver. Provisioning must pick the wrapper and that
 * driver, write them for the harness, and a real headless browser must start through them.
 */
@Tag("selftest")
@Isolated
class HostedRunnerProvisionIT {
    private static final Settings PROVISIONED = Settings.fromSystem();
    private static final Path CHROMIUM = Path.of(PROVISIONED.getOr("livecheck.chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(PROVISIONED.getOr("livecheck.chromedriver", "/usr/bin/chromedriver"));

    // not a @TempDir: JUnit warns about every link in it that leads outside, and /usr/bin's tools are linked here
    private Path machine;

    @BeforeEach
    void newMachine() throws IOException {
        machine = Files.createTempDirectory("livecheck-hosted-runner-");
    }

    @AfterEach
    void removeMachine() throws IOException {
        try (Stream<Path> files = Files.walk(machine)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file); // a link, not what it leads to
            }
        }
    }

    @Test
    void picksTheImagesChromeAndItsDriverAndABrowserRunsThroughThem() throws IOException, InterruptedException {
        Map<String, String> env = hostedRunner();
        Path properties = machine.resolve("provision.properties");
        Result provision = provision(env, "--browser-only", "--env-file", properties.toString());
        System.out.print(provision.output());

        Path chrome = machine.resolve("bin/google-chrome");
        Path driver = machine.resolve("chromedriver-linux64/chromedriver");
        assertThat(provision.exit()).as("exit of provisioning: %s", provision.output()).isZero();
        assertThat(provision.output())
                .contains("[provision] skipping browser " + machine.resolve("bin/chromium-browser") + ": it runs a snap")
                .containsPattern("\\[provision\\] browser: " + chrome + " \\(Chromium [0-9.]+, from PATH\\) with chromedriver " + driver
                        + " \\(ChromeDriver [0-9.]+, from CHROMEWEBDRIVER\\)\\n")
                .doesNotContain("installing Debian packages");
        Properties written = read(properties);
        assertThat(written.getProperty("livecheck.chromium.binary")).isEqualTo(chrome.toString());
        assertThat(written.getProperty("livecheck.chromedriver")).isEqualTo(driver.toString());

        BrowserSettings browsers = BrowserSettings.from(new Settings(written::getProperty, Map.of()));
        String page = HeadlessSession.open(browsers, machine);
        assertThat(page).as("title and user agent").startsWith("ok ").contains("HeadlessChrome/" + written.getProperty("livecheck.chromium.version").split("\\.")[0] + ".");
    }

    static Stream<Arguments> machinesWithoutAUsableBrowser() {
        return Stream.of(
                Arguments.of("no browser at all", Map.of(), "no Chrome or Chromium found"),
                Arguments.of("only a snap Chromium", Map.of("snap-only", "true"), "no Chrome or Chromium found"),
                Arguments.of("a wrong LIVECHECK_CHROMIUM_BINARY", Map.of("LIVECHECK_CHROMIUM_BINARY", "/nonexistent/chrome"),
                        "LIVECHECK_CHROMIUM_BINARY=/nonexistent/chrome is not an executable: point it at Chrome or Chromium, or unset it"),
                Arguments.of("a wrong LIVECHECK_CHROMEDRIVER", Map.of("LIVECHECK_CHROMEDRIVER", "/nonexistent/chromedriver"),
                        "LIVECHECK_CHROMEDRIVER=/nonexistent/chromedriver is not an executable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machinesWithoutAUsableBrowser")
    void failsFastNamingTheFixAndInstallsNothing(String name, Map<String, String> change, String expected) throws IOException, InterruptedException {
        Map<String, String> env = hostedRunner();
        env.put("PATH", env.get("PATH").replace(machine.resolve("bin") + ":", change.containsKey("snap-only") ? machine.resolve("snap-only") + ":" : ""));
        env.remove("CHROME_BIN");
        change.forEach((key, value) -> {
            if (key.startsWith("LIVECHECK_")) {
                env.put(key, value);
            }
        });
        Instant start = Instant.now();
        Result provision = provision(env, "--browser-only", "--env-file", machine.resolve("provision.properties").toString());
        assertThat(provision.exit()).as("exit of provisioning: %s", provision.output()).isNotZero();
        assertThat(provision.output()).contains("[provision] ERROR: " + expected).doesNotContain("installing Debian packages");
        assertThat(Duration.between(start, Instant.now())).as("time to fail").isLessThan(Duration.ofSeconds(10));
        assertThat(machine.resolve("provision.properties")).doesNotExist();
        if (change.containsKey("snap-only")) {
            assertThat(provision.output()).contains("[provision] skipping browser " + machine.resolve("snap-only/chromium-browser") + ": it runs a snap");
        }
    }

    /** The simulated runner's environment: PATH of the fakes and /usr/bin's tools, CHROME_BIN, CHROMEWEBDRIVER, and apt off. */
    private Map<String, String> hostedRunner() throws IOException {
        Path tools = Files.createDirectories(machine.resolve("tools"));
        try (Stream<Path> usrBin = Files.list(Path.of("/usr/bin"))) {
            for (Path tool : (Iterable<Path>) usrBin::iterator) {
                String name = tool.getFileName().toString();
                if (!name.startsWith("chromium") && !name.startsWith("chromedriver") && !name.startsWith("google-chrome") && !name.startsWith("apt")) {
                    Files.createSymbolicLink(tools.resolve(name), tool);
                }
            }
        }
        Path bin = Files.createDirectories(machine.resolve("bin"));
        script(bin.resolve("google-chrome"), "exec " + CHROMIUM + " \"$@\"");
        // Ubuntu's chromium-browser: a wrapper that runs the snap
        script(bin.resolve("chromium-browser"), "exec /snap/bin/chromium \"$@\"");
        script(Files.createDirectories(machine.resolve("snap-only")).resolve("chromium-browser"), "exec /snap/bin/chromium \"$@\"");
        Path drivers = Files.createDirectories(machine.resolve("chromedriver-linux64"));
        Files.createSymbolicLink(drivers.resolve("chromedriver"), CHROMEDRIVER);

        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin + ":" + tools);
        env.put("HOME", System.getProperty("user.home"));
        env.put("CHROME_BIN", bin.resolve("google-chrome").toString());
        env.put("CHROMEWEBDRIVER", drivers.toString());
        env.put("LIVECHECK_APT", "0");
        return env;
    }

    private static void script(Path file, String line) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + line + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int exit, String output) {
    }

    private Result provision(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path log = machine.resolve("provision.log");
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", Path.of("scripts/provision").toAbsolutePath().toString());
        builder.command().addAll(List.of(args));
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("scripts/provision ended within 60 s: %s", output).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }
}
