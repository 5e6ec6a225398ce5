package dev.livecheck.junit;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
    void badValuesNameTheFix() {
        assertThatThrownBy(() -> Concurrency.decide(settings(Map.of("livecheck.concurrency", "lots"))))
                .isInstanceOf(LivecheckException.class).hasMessageContaining("give auto or a number");
        assertThatThrownBy(() -> Concurrency.decide(settings(Map.of("livecheck.concurrency", "0"))))
                .isInstanceOf(LivecheckException.class).hasMessageContaining("-Dlivecheck.concurrency=1");
    }
}
