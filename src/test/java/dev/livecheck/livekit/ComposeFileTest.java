package dev.livecheck.livekit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.livekit.yml must start LiveKit the way the fixture does (it can't run here: no registry). */
class ComposeFileTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void composeMatchesTheFixturesConfiguration() throws IOException {
        JsonNode service = YAML.readTree(Path.of("docker-compose.livekit.yml").toFile()).path("services").path("livekit");
        assertThat(service.path("image").asText()).isEqualTo(LiveKitServers.OFFICIAL_IMAGE);
        assertThat(service.path("network_mode").asText()).isEqualTo("host");

        JsonNode compose = YAML.readTree(service.path("environment").path("LIVEKIT_CONFIG").asText());
        JsonNode fixture = YAML.readTree(LocalServerConfig.create(0, 0, 0).yaml());
        assertThat(compose.path("bind_addresses")).isEqualTo(fixture.path("bind_addresses"));
        assertThat(compose.path("room")).isEqualTo(fixture.path("room"));
        for (String key : new String[] {"node_ip", "use_external_ip", "enable_loopback_candidate", "stun_servers"}) {
            assertThat(compose.path("rtc").path(key)).as("rtc.%s", key).isEqualTo(fixture.path("rtc").path(key));
        }
        assertThat(compose.path("keys").size()).isEqualTo(1);
        assertThat(compose.path("keys").elements().next().asText()).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void egressReachesTheSameLiveKitWithItsKeyThroughTheSameRedis() throws IOException {
        JsonNode services = YAML.readTree(Path.of("docker-compose.livekit.yml").toFile()).path("services");
        JsonNode livekit = YAML.readTree(services.path("livekit").path("environment").path("LIVEKIT_CONFIG").asText());
        JsonNode egress = YAML.readTree(services.path("egress").path("environment").path("EGRESS_CONFIG_BODY").asText());
        assertThat(services.path("egress").path("network_mode").asText()).isEqualTo("host");
        assertThat(livekit.path("keys").path(egress.path("api_key").asText()).asText()).isEqualTo(egress.path("api_secret").asText());
        assertThat(egress.path("ws_url").asText()).isEqualTo("ws://127.0.0.1:" + livekit.path("port").asInt());
        assertThat(egress.path("redis").path("address")).isEqualTo(livekit.path("redis").path("address"));
    }
}
