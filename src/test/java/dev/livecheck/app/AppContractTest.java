package dev.livecheck.app;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;
import dev.livecheck.media.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppContractTest {
    private static final Path CONTRACT = Path.of("testdata/app-contract.properties");

    @Test
    void theDefaultsMatchTheReferenceAppsSeed() throws IOException {
        AppContract contract = AppContract.load(new Settings(k -> null, Map.of()), CONTRACT);
        String seed = Files.readString(Path.of("testdata/reference-app/seed.json"));
        assertThat(seed).contains("\"email\": \"" + contract.provider().email() + "\"", "\"password\": \"" + contract.client().password() + "\"",
                "\"id\": \"" + contract.liveBookingId() + "\"");
        assertThat(contract.account(Role.CLIENT).identity()).isEqualTo("client-202");
        assertThat(contract.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(contract.liveRoom()).isEqualTo("booking-5001");
    }

    @Test
    void anyKeyCanBeOverridden() {
        AppContract contract = AppContract.load(new Settings(Map.of("livecheck.app.liveBookingId", "42")::get, Map.of()), CONTRACT);
        assertThat(contract.liveBookingId()).isEqualTo("42");
    }

    @Test
    void aMissingKeyNamesTheFileAndTheProperty(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("contract.properties");
        Files.writeString(file, "provider.email=a@b\n");
        assertThatThrownBy(() -> AppContract.load(new Settings(k -> null, Map.of()), file))
                .isInstanceOf(LivecheckException.class)
                .hasMessageContaining("app contract key 'provider.password' is not set")
                .hasMessageContaining("-Dlivecheck.app.provider.password");
    }

    @Test
    void anUnreachableAppUrlFailsFast() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> new ExternalApp("http://127.0.0.1:1", null))
                .isInstanceOf(LivecheckException.class)
                .hasMessageContaining("app at http://127.0.0.1:1 is unreachable");
        assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(10);
    }
}
