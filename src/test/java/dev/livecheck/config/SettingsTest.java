package dev.livecheck.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    @Test
    void systemPropertyWinsOverEnvironment() {
        Settings settings = new Settings(Map.of("livecheck.livekit.mode", "binary")::get, Map.of("LIVECHECK_LIVEKIT_MODE", "container"));
        assertThat(settings.getOr("livecheck.livekit.mode", "auto")).isEqualTo("binary");
    }

    @Test
    void environmentNameIsDerivedFromTheProperty() {
        Settings settings = new Settings(k -> null, Map.of("LIVECHECK_LIVEKIT_MODE", "container"));
        assertThat(settings.getOr("livecheck.livekit.mode", "auto")).isEqualTo("container");
    }

    @Test
    void aliasesAreTriedInOrder() {
        Settings settings = new Settings(k -> null, Map.of("LIVEKIT_URL", "ws://x"));
        assertThat(settings.get("livecheck.livekit.url", "LIVEKIT_URL")).contains("ws://x");
    }

    @Test
    void blankCountsAsUnset() {
        Settings settings = new Settings(Map.of("livecheck.headless", " ")::get, Map.of());
        assertThat(settings.getBoolean("livecheck.headless", true)).isTrue();
    }

    @Test
    void aNonNumberNamesTheSettingAndAnExample() {
        Settings settings = new Settings(Map.of("livecheck.livekit.port", "seven")::get, Map.of());
        assertThatThrownBy(() -> settings.getInt("livecheck.livekit.port", 0))
                .isInstanceOf(LivecheckException.class)
                .hasMessageContaining("livecheck.livekit.port=seven is not a number");
    }
}
