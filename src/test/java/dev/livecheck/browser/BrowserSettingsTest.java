package dev.livecheck.browser;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserSettingsTest {

    @Test
    void missingChromiumNamesTheFix() {
        Settings settings = new Settings(Map.of("livecheck.chromium.binary", "/nonexistent/chromium")::get, Map.of());
        assertThatThrownBy(() -> BrowserSettings.from(settings))
                .isInstanceOf(LivecheckException.class)
                .hasMessage("Chromium not found at /nonexistent/chromium: run scripts/provision (installs Debian chromium) or set livecheck.chromium.binary");
    }

    @Test
    void lookupsNeverLeaveTheMachineAndTestRulesComeFirst() {
        String rules = Browsers.hostRules(BrowserOptions.defaults().mappingHost("livekit.example.test", "127.0.0.1"));
        assertThat(rules).isEqualTo("MAP livekit.example.test 127.0.0.1 , MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1");
    }

    @Test
    void consoleApiLinesLoseTheirScriptPrefix() {
        assertThat(ConsoleLog.clean("http://localhost:1/static/session.js 12:7 \"Successfully connected to room: booking-1\""))
                .isEqualTo("Successfully connected to room: booking-1");
        assertThat(ConsoleLog.clean("http://x/favicon.ico - Failed to load resource")).isEqualTo("http://x/favicon.ico - Failed to load resource");
    }
}
