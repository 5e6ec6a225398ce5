package dev.livecheck.browser;

import dev.livecheck.browser.DriverSource.Fetched;
import dev.livecheck.browser.DriverSource.Mode;
import dev.livecheck.browser.DriverSource.Version;
import dev.livecheck.config.LivecheckException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The driver policy (livecheck.driver), apart from probing programs and WebDriverManager's network. */
class DriverSourceTest {
    private static final Path SYSTEM = Path.of("/usr/bin/chromedriver");
    private static final Optional<Version> CHROMIUM_156 = Version.parse("Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)");
    private static final Optional<Version> DRIVER_156 = Version.parse("ChromeDriver 156.0.8078.108 (730482a9-refs/branch-heads/8078@{#2244})");
    private static final Optional<Version> DRIVER_150 = Version.parse("ChromeDriver 150.0.7000.1 (abc)");
    private static final Function<String, Fetched> FETCHES = major -> new Fetched(Path.of("/cache/chromedriver"), major + ".0.8078.108", "http://127.0.0.1:8000");
    private static final Function<String, Fetched> OFFLINE = major -> {
        throw new DriverSource.WebDriverManagerFailed("UnknownHostException: googlechromelabs.github.io");
    };
    private static final Function<String, Fetched> NOT_ASKED = major -> {
        throw new AssertionError("WebDriverManager asked although the system driver matches");
    };

    @Test
    void versionsAreReadAsTheProgramsPrintThem() {
        assertThat(CHROMIUM_156).contains(new Version("Chromium", "156.0.8078.108"));
        assertThat(Version.parse("Google Chrome 157.0.7100.2 ")).contains(new Version("Google Chrome", "157.0.7100.2"));
        assertThat(DRIVER_156.orElseThrow().major()).isEqualTo("156");
        assertThat(Version.parse("")).isEmpty();
    }

    @Test
    void aSystemDriverOfTheBrowsersMajorVersionWinsWithoutAskingWebDriverManager() {
        DriverSource.Choice choice = DriverSource.decide(Mode.AUTO, CHROMIUM_156, SYSTEM, true, DRIVER_156, NOT_ASKED);
        assertThat(choice.driver()).isEqualTo(SYSTEM);
        assertThat(choice.line()).isEqualTo("[livecheck] chromedriver: system /usr/bin/chromedriver (ChromeDriver 156.0.8078.108 matches Chromium 156)");
    }

    @Test
    void aMissingOrMismatchedSystemDriverIsReplacedByWebDriverManagersAndTheLineSaysWhy() {
        assertThat(DriverSource.decide(Mode.AUTO, CHROMIUM_156, SYSTEM, false, Optional.empty(), FETCHES).line())
                .isEqualTo("[livecheck] chromedriver: WebDriverManager 156.0.8078.108 from http://127.0.0.1:8000 "
                        + "(no chromedriver at /usr/bin/chromedriver; for Chromium 156)");
        assertThat(DriverSource.decide(Mode.AUTO, CHROMIUM_156, SYSTEM, true, DRIVER_150, FETCHES).line())
                .contains("WebDriverManager 156.0.8078.108", "(/usr/bin/chromedriver is ChromeDriver 150.0.7000.1; for Chromium 156)");
    }

    @Test
    void noUsableDriverFailsInOneLineNamingTheFix() {
        assertThatThrownBy(() -> DriverSource.decide(Mode.AUTO, CHROMIUM_156, SYSTEM, true, DRIVER_150, OFFLINE))
                .isInstanceOf(LivecheckException.class)
                .hasMessageStartingWith("no chromedriver for Chromium 156: /usr/bin/chromedriver is ChromeDriver 150.0.7000.1, "
                        + "and WebDriverManager failed (UnknownHostException: googlechromelabs.github.io): install the browser's own chromedriver")
                .hasMessageContaining("wdm.chromeGoodVersionsUrl")
                .message().doesNotContain("\n");
        assertThatThrownBy(() -> DriverSource.decide(Mode.WEBDRIVERMANAGER, CHROMIUM_156, SYSTEM, true, DRIVER_156, OFFLINE))
                .hasMessageStartingWith("no chromedriver for Chromium 156: livecheck.driver=webdrivermanager, and WebDriverManager failed");
    }

    @Test
    void aSystemDriverThatCannotBeMatchedIsUsedWithTheLineSayingWhy() {
        assertThat(DriverSource.decide(Mode.AUTO, Optional.empty(), SYSTEM, true, DRIVER_156, NOT_ASKED).line())
                .isEqualTo("[livecheck] chromedriver: system /usr/bin/chromedriver (the browser's version is unknown, so WebDriverManager cannot match one)");
        assertThat(DriverSource.decide(Mode.AUTO, CHROMIUM_156, SYSTEM, true, Optional.empty(), OFFLINE).line())
                .startsWith("[livecheck] chromedriver: system /usr/bin/chromedriver (its version is unknown and WebDriverManager failed: UnknownHostException");
    }

    @Test
    void explicitModesTakeOnlyTheirSource() {
        assertThat(DriverSource.decide(Mode.SYSTEM, CHROMIUM_156, SYSTEM, true, DRIVER_150, NOT_ASKED).line())
                .isEqualTo("[livecheck] chromedriver: system /usr/bin/chromedriver (livecheck.driver=system; ChromeDriver 150.0.7000.1, Chromium 156"
                        + " — not the same major version: the session may refuse to start)");
        assertThat(DriverSource.decide(Mode.WEBDRIVERMANAGER, CHROMIUM_156, SYSTEM, true, DRIVER_156, FETCHES).line())
                .isEqualTo("[livecheck] chromedriver: WebDriverManager 156.0.8078.108 from http://127.0.0.1:8000 "
                        + "(livecheck.driver=webdrivermanager; for Chromium 156)");
    }

    @Test
    void anUnknownModeNamesTheChoices() {
        assertThat(Mode.of("WebDriverManager")).isEqualTo(Mode.WEBDRIVERMANAGER);
        assertThatThrownBy(() -> Mode.of("wdm")).isInstanceOf(LivecheckException.class)
                .hasMessage("livecheck.driver=wdm is not known: use auto, system or webdrivermanager");
    }
}
