package dev.livecheck.livekit;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveKitServersTest {

    private static Settings settings(Map<String, String> properties, Map<String, String> env) {
        return new Settings(properties::get, env);
    }

    @Test
    void anUnknownModeListsTheKnownOnes() {
        assertThatThrownBy(() -> LiveKitServers.start(settings(Map.of("livecheck.livekit.mode", "cloud"), Map.of())))
                .isInstanceOf(LivecheckException.class)
                .hasMessage("unknown LiveKit mode 'cloud': set livecheck.livekit.mode to one of auto, container, binary, external");
    }

    @Test
    void externalModeNamesTheMissingVariable() {
        Map<String, String> env = new HashMap<>(Map.of("LIVEKIT_URL", "ws://127.0.0.1:1", "LIVEKIT_API_KEY", "k"));
        assertThatThrownBy(() -> LiveKitServers.start(settings(Map.of("livecheck.livekit.mode", "external"), env)))
                .isInstanceOf(LivecheckException.class)
                .hasMessageContaining("needs LIVEKIT_API_SECRET");
    }

    @Test
    void externalModeFailsFastWhenTheServerIsUnreachable() {
        Map<String, String> env = Map.of("LIVEKIT_URL", "ws://127.0.0.1:1", "LIVEKIT_API_KEY", "k", "LIVEKIT_API_SECRET", "s".repeat(32));
        long started = System.nanoTime();
        assertThatThrownBy(() -> LiveKitServers.start(settings(Map.of("livecheck.livekit.mode", "external"), env)))
                .isInstanceOf(LivecheckException.class)
                .hasMessageContaining("unreachable");
        assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(10);
    }

    @Test
    void binaryModeNamesTheFixWhenTheBinaryIsMissing() {
        Map<String, String> props = Map.of("livecheck.livekit.mode", "binary", "livecheck.livekit.binary", "/nonexistent/livekit-server");
        assertThatThrownBy(() -> LiveKitServers.start(settings(props, Map.of())))
                .isInstanceOf(LivecheckException.class)
                .hasMessageContaining("run scripts/provision");
    }

    @Test
    void theConfigKeepsLiveKitOnLoopbackWithoutPublicStun() {
        LocalServerConfig config = LocalServerConfig.create(0, 0, 0);
        assertThat(config.yaml()).contains("node_ip: 127.0.0.1", "use_external_ip: false", "enable_loopback_candidate: true",
                "stun_servers: [\"127.0.0.1:3478\"]", "bind_addresses: [\"127.0.0.1\"]");
        assertThat(config.credentials().apiSecret()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(config.credentials().toString()).doesNotContain(config.credentials().apiSecret());
    }

    @Test
    void egressWithoutItsBinaryNamesTheFixBeforeStartingAnything() {
        Map<String, String> props = Map.of("livecheck.livekit.mode", "binary", "livecheck.livekit.binary", "/nonexistent/livekit-server",
                "livecheck.egress", "true", "livecheck.egress.binary", "/nonexistent/egress");
        assertThatThrownBy(() -> LiveKitServers.start(settings(props, Map.of())))
                .isInstanceOf(LivecheckException.class)
                .hasMessageStartingWith("Egress binary not found at /nonexistent/egress: run scripts/provision --egress");
        assertThatThrownBy(() -> LiveKitServers.start(settings(Map.of("livecheck.egress", "true"), Map.of())))
                .isInstanceOf(LivecheckException.class)
                .hasMessageContaining("Egress is not provisioned: run scripts/provision --egress");
    }

    @Test
    void egressBesideAnExternalDeploymentIsRefused() {
        Map<String, String> env = Map.of("LIVEKIT_URL", "ws://127.0.0.1:1", "LIVEKIT_API_KEY", "k", "LIVEKIT_API_SECRET", "s".repeat(32));
        assertThatThrownBy(() -> LiveKitServers.start(settings(Map.of("livecheck.livekit.mode", "external", "livecheck.egress", "true"), env)))
                .isInstanceOf(LivecheckException.class)
                .hasMessageContaining("an external deployment records with its own Egress: unset livecheck.egress");
    }

    @Test
    void withEgressLiveKitTalksToRedis() {
        LocalServerConfig plain = LocalServerConfig.create(0, 0, 0);
        assertThat(plain.yaml()).doesNotContain("redis");
        assertThat(plain.withRedis("127.0.0.1:16379").yaml()).endsWith("redis:\n  address: 127.0.0.1:16379\n");
    }
}
