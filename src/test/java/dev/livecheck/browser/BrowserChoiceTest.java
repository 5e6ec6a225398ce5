package dev.livecheck.browser;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static dev.livecheck.browser.BrowserChoice.Kind.CHROMIUM;
import static dev.livecheck.browser.BrowserChoice.Kind.FIREFOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserChoiceTest {

    @Test
    void oneBrowserForEverybodyOrOnePerParticipant() {
        assertThat(BrowserChoice.parse(null).of("provider")).isEqualTo(CHROMIUM);
        assertThat(BrowserChoice.parse(" Firefox ").of("client")).isEqualTo(FIREFOX);
        BrowserChoice mixed = BrowserChoice.parse("provider:chromium, client:firefox");
        assertThat(mixed.of("provider")).isEqualTo(CHROMIUM);
        assertThat(mixed.of("client")).isEqualTo(FIREFOX);
        assertThat(mixed.of("observer")).as("a participant not named keeps Chromium").isEqualTo(CHROMIUM);
        assertThat(mixed.used()).isEqualTo(Set.of(CHROMIUM, FIREFOX));
        assertThat(mixed.label()).isEqualTo("provider:chromium, client:firefox");
    }

    @Test
    void badChoicesNameTheFix() {
        assertThatThrownBy(() -> BrowserChoice.parse("safari")).isInstanceOf(LivecheckException.class)
                .hasMessage("livecheck.browsers=safari names no browser livecheck drives: give chromium or firefox, "
                        + "or one per participant (provider:chromium,client:firefox)");
        assertThatThrownBy(() -> BrowserChoice.parse("provider:firefox,client")).isInstanceOf(LivecheckException.class)
                .hasMessageContaining("write each participant as role:browser");
        assertThatThrownBy(() -> BrowserChoice.parse("client:firefox,client:chromium")).isInstanceOf(LivecheckException.class)
                .hasMessageContaining("names client twice");
    }

    @Test
    void firefoxAskedForButMissingNamesTheScriptThatInstallsIt() {
        // Firefox on both sides: the test holds on a machine with no Chromium (a fresh one, before provisioning)
        Settings settings = new Settings(Map.of("livecheck.browsers", "firefox", "livecheck.firefox.binary", "/nonexistent/firefox")::get, Map.of());
        assertThatThrownBy(() -> BrowserSettings.from(settings)).isInstanceOf(LivecheckException.class)
                .hasMessage("Firefox not found at /nonexistent/firefox: run scripts/provision-firefox (installs Debian firefox-esr) or set livecheck.firefox.binary");
    }

    @Test
    void aUrlGlobMatchesAsChromiumsInterceptionDoes() {
        assertThat(BiDiTraffic.glob("http://localhost:8080/api/token/5001*").matcher("http://localhost:8080/api/token/5001?x=1").matches()).isTrue();
        assertThat(BiDiTraffic.glob("http://localhost:8080/api/token/5001*").matcher("http://localhost:8080/api/bookings").matches()).isFalse();
        assertThat(BiDiTraffic.glob("*").matcher("anything").matches()).isTrue();
        assertThat(BiDiTraffic.glob("http://a.test/x.y*").matcher("http://a.test/xzy").matches()).as("dots are literal").isFalse();
    }
}
