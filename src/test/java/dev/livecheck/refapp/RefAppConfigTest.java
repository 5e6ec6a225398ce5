package dev.livecheck.refapp;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefAppConfigTest {
    private static final Map<String, String> COMPLETE = Map.of("LIVEKIT_URL", "ws://127.0.0.1:7880", "LIVEKIT_API_KEY", "key",
            "LIVEKIT_API_SECRET", "a-secret-that-is-long-enough-123", "LIVEKIT_CLIENT_JS", "/tmp/x.js");

    @Test
    void eachMissingLiveKitVariableIsNamed() {
        for (String variable : COMPLETE.keySet()) {
            Map<String, String> env = new java.util.HashMap<>(COMPLETE);
            env.remove(variable);
            assertThatThrownBy(() -> RefAppConfig.fromEnvironment(env))
                    .isInstanceOf(RefAppConfig.MissingConfigurationException.class)
                    .hasMessageStartingWith(variable + " is not set");
        }
    }

    @Test
    void theDefaultTimeoutIs30SecondsAndTheSecretIsNeverPrinted() {
        RefAppConfig config = RefAppConfig.fromEnvironment(COMPLETE);
        assertThat(config.connectTimeoutMs()).isEqualTo(30_000);
        assertThat(config.toString()).doesNotContain("a-secret-that-is-long-enough-123");
    }

    @Test
    void bugsAreSwitchedOnByName() {
        assertThat(Bug.parseList("no-auth-check, silent-disconnect")).containsExactlyInAnyOrder(Bug.NO_AUTH_CHECK, Bug.SILENT_DISCONNECT);
        assertThatThrownBy(() -> Bug.parseList("typo")).hasMessageContaining("unknown bug 'typo'");
    }

    @Test
    void recordsWithEgressOnlyWhenGivenAFolder() {
        assertThat(RefAppConfig.fromEnvironment(COMPLETE).egress()).isNull();
        Map<String, String> env = new java.util.HashMap<>(COMPLETE);
        env.put("LIVECHECK_APP_EGRESS_DIR", "/tmp/recordings");
        assertThat(RefAppConfig.fromEnvironment(env).egress())
                .isEqualTo(new RefAppConfig.Egress("http://127.0.0.1:7880", java.nio.file.Path.of("/tmp/recordings")));
        env.put("LIVEKIT_API_URL", "http://livekit.internal:7880");
        assertThat(RefAppConfig.fromEnvironment(env).egress().apiUrl()).isEqualTo("http://livekit.internal:7880");
    }
}
