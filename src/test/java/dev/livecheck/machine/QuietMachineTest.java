package dev.livecheck.machine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class QuietMachineTest {
    @org.junit.jupiter.api.BeforeAll
    static void keepToItself(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // a run elsewhere on the machine holding the machine-wide lock must not hold up a unit test
        System.setProperty("livecheck.machine.lock", dir.resolve("machine.lock").toString());
    }

    @Test
    void sharersRunTogetherAndAMeasurementWaitsForThemAll() throws Exception {
        QuietMachine.Hold a = QuietMachine.shared();
        QuietMachine.Hold b = CompletableFuture.supplyAsync(QuietMachine::shared).get(5, TimeUnit.SECONDS);
        CompletableFuture<QuietMachine.Hold> measuring = CompletableFuture.supplyAsync(QuietMachine::alone);

        a.close();
        await("the measurement still waits for the second sharer").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> !measuring.isDone());
        b.close();
        QuietMachine.Hold alone = measuring.get(5, TimeUnit.SECONDS);
        alone.close();
    }

    @Test
    void aWaitingMeasurementGoesBeforeNewSharers() throws Exception {
        QuietMachine.Hold first = QuietMachine.shared();
        CompletableFuture<QuietMachine.Hold> measuring = CompletableFuture.supplyAsync(QuietMachine::alone);
        await("the measurement is waiting").atMost(Duration.ofSeconds(2)).until(() -> !measuring.isDone());
        CompletableFuture<QuietMachine.Hold> later = CompletableFuture.supplyAsync(QuietMachine::shared);

        await("a sharer that came later waits behind the measurement").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> !later.isDone());
        first.close();
        QuietMachine.Hold alone = measuring.get(5, TimeUnit.SECONDS);
        assertThat(later).isNotDone();
        alone.close();
        later.get(5, TimeUnit.SECONDS).close();
    }

    @Test
    void aHoldLetGoFromAnotherThreadFreesTheMachine() throws Exception {
        QuietMachine.Hold hold = CompletableFuture.supplyAsync(QuietMachine::alone).get(5, TimeUnit.SECONDS);
        hold.close();
        hold.close(); // twice is once

        QuietMachine.alone().close();
    }

    @Test
    void aThreadThatHoldsAShareTakesNothingMore() {
        try (QuietMachine.Hold outer = QuietMachine.shared(); QuietMachine.Hold inner = QuietMachine.alone()) {
            assertThat(inner).isNotNull();
        }
    }
}
