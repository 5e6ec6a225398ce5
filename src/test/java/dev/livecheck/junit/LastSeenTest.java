package dev.livecheck.junit;

import dev.livecheck.redact.FakeJwt;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** A timed-out wait's message names the wait and what it last found, never Awaitility's "condition with Lambda expression". */
class LastSeenTest {
    private static final Duration SHORT = Duration.ofMillis(300);

    @Test
    void anUntilBooleanSaysWhatItWaitedFor() {
        ConditionTimeoutException e = catchThrowableOfType(ConditionTimeoutException.class,
                () -> await("the client's page shows an error").atMost(SHORT).until(() -> false));

        assertThat(LastSeen.timeout(e.getMessage(), e.getCause(), List.of()))
                .isEqualTo("the client's page shows an error: not within 300 milliseconds").doesNotContain("Lambda");
    }

    @Test
    void anAssertionsLastFindingIsKept() {
        ConditionTimeoutException e = catchThrowableOfType(ConditionTimeoutException.class, () -> await("colour of client's video").atMost(SHORT)
                .untilAsserted(() -> assertThat("rgb(234,21,22)").as("colour").isEqualTo("rgb(51,102,204)")));

        assertThat(LastSeen.timeout(e.getMessage(), e.getCause(), List.of())).startsWith("colour of client's video: not within 300 milliseconds — last check: [colour]")
                .contains("rgb(234,21,22)");
    }

    @Test
    void aPredicatesLastValueIsKept() {
        ConditionTimeoutException e = catchThrowableOfType(ConditionTimeoutException.class,
                () -> await("frames decoded").atMost(SHORT).until(() -> 12, n -> n > 100));

        assertThat(LastSeen.timeout(e.getMessage(), e.getCause(), List.of())).isEqualTo("frames decoded: not within 300 milliseconds — last value: 12");
    }

    @Test
    void aWaitWithoutANameStillSaysSoAndATokenNeverGetsThrough() {
        String jwt = FakeJwt.of("client-202");
        ConditionTimeoutException e = catchThrowableOfType(ConditionTimeoutException.class,
                () -> await().atMost(SHORT).untilAsserted(() -> assertThat("page says " + jwt).isEmpty()));

        assertThat(LastSeen.timeout(e.getMessage(), e.getCause(), List.of())).startsWith("a wait with no name (Lambda expression in ")
                .contains("not within 300 milliseconds — last check:").contains("<redacted-jwt>").doesNotContain(jwt.substring(0, 20));
    }

    @Test
    void aFailureHoldingAPieceOfATokenIsCopiedRedactedCausesIncluded() {
        String piece = FakeJwt.of("provider-101").substring(0, 40);
        Throwable original = new IllegalStateException("page said " + piece, new AssertionError("and " + piece));

        Throwable copy = Redacted.copyOf(original);

        assertThat(Redacted.leaks(original)).isTrue();
        assertThat(Redacted.leaks(copy)).isFalse();
        assertThat(copy).isNotInstanceOf(AssertionError.class).hasMessage("java.lang.IllegalStateException: page said <redacted-jwt>");
        assertThat(copy.getCause()).isInstanceOf(AssertionError.class).hasMessage("and <redacted-jwt>");
        assertThat(copy.getStackTrace()).isEqualTo(original.getStackTrace());
    }
}
