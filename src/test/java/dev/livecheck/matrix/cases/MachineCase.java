package dev.livecheck.matrix.cases;

import dev.livecheck.junit.Checks;
import dev.livecheck.junit.Inconclusive;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.fail;

/** For InconclusiveOutcomeTest: a test the machine kept from a verdict, and one the app failed. Never run on its own. */
public class MachineCase {
    @Test
    @Checks("C-10")
    void theMachineWasTooBusy() {
        throw Inconclusive.because("LiveKit logged high CPU load during the window; sender limited by cpu 62 % of samples");
    }

    @Test
    @Checks("C-09")
    void theAppFailed() {
        fail("colour of provider's video on client's page");
    }
}
