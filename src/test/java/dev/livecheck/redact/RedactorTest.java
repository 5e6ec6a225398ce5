package dev.livecheck.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String JWT =
            FakeJwt.of("provider-1");

    @Test
    void nullAndEmptyPassThrough() {
        assertThat(Redactor.redact(null)).isNull();
        assertThat(Redactor.redact("")).isEmpty();
    }

    @Test
    void replacesJwts() {
        assertThat(Redactor.redact("token=" + JWT + " rejected"))
                .isEqualTo("token=<redacted-jwt> rejected");
    }

    @Test
    void replacesAPieceOfAToken() {
        String[] parts = JWT.split("\\.");
        // a console entry Chromium cut short: header and payload, no signature
        assertThat(Redactor.redact("connect ws://x/rtc?access_token=" + parts[0] + "." + parts[1] + "…"))
                .isEqualTo("connect ws://x/rtc?access_token=<redacted-jwt>…");
        // cut inside the payload, or inside the header
        assertThat(Redactor.redact("t=" + parts[0] + "." + parts[1].substring(0, 7))).isEqualTo("t=<redacted-jwt>");
        assertThat(Redactor.redact("t=" + parts[0].substring(0, 14) + "…")).isEqualTo("t=<redacted-jwt>…");
        assertThat(Redactor.leaksIn("t=" + parts[0] + "." + parts[1])).containsExactly("a JWT (or a piece of one)");
    }

    @Test
    void leavesTextWithoutSecretsAlone() {
        assertThat(Redactor.redact("Connection timed out after 30 s")).isEqualTo("Connection timed out after 30 s");
    }

    @Test
    void replacesRegisteredSecrets() {
        Redactor.registerSecret("api-secret-7f3c9a");
        assertThat(Redactor.redact("LIVEKIT_API_SECRET=api-secret-7f3c9a, again api-secret-7f3c9a"))
                .isEqualTo("LIVEKIT_API_SECRET=<redacted>, again <redacted>");
    }

    @Test
    void ignoresShortAndNullSecrets() {
        Redactor.registerSecret("short1");
        Redactor.registerSecret(null);
        assertThat(Redactor.redact("short1 stays")).isEqualTo("short1 stays");
    }

    @Test
    void longerSecretWinsOverOneItContains() {
        Redactor.registerSecret("nested-secret");
        Redactor.registerSecret("outer-nested-secret-value");
        assertThat(Redactor.redact("x outer-nested-secret-value y")).isEqualTo("x <redacted> y");
    }

    @Test
    void registeringFromManyThreadsIsSafe() {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        IntStream.range(0, 50).forEach(i -> futures.add(
                CompletableFuture.runAsync(() -> Redactor.registerSecret("parallel-secret-" + i + "-xyz"))));
        futures.forEach(CompletableFuture::join);
        assertThat(Redactor.redact("parallel-secret-42-xyz")).isEqualTo("<redacted>");
    }

    @Test
    void leaksAreDescribedWithoutRevealingThem() {
        Redactor.registerSecret("a-secret-only-this-test-knows-123");
        String jwt = FakeJwt.of("client-202");
        assertThat(Redactor.leaksIn("token " + jwt + " and a-secret-only-this-test-knows-123"))
                .containsExactlyInAnyOrder("a JWT (or a piece of one)", "a registered secret (33 chars)");
        assertThat(Redactor.leaksIn(Redactor.redact("token " + jwt + " and a-secret-only-this-test-knows-123"))).isEmpty();
    }
}
