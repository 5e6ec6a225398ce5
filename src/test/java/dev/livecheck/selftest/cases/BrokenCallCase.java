package dev.livecheck.selftest.cases;

import dev.livecheck.check.MediaFlow;
import dev.livecheck.junit.Call;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.Scenario;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static dev.livecheck.junit.Call.Stage.EACH_SEES_THE_OTHER;

/** A scenario whose second test breaks the shared call on purpose (the client leaves and never comes back). */
@LiveCheck
@Scenario("a call broken on purpose")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class BrokenCallCase {

    @Test
    @Order(1)
    @Checks("C-09")
    void theClientSeesTheProvider(Call call) {
        call.reach(EACH_SEES_THE_OTHER);
        MediaFlow.awaitVideoFrom(call.provider(), call.client());
    }

    @Test
    @Order(2)
    @Checks("P-10")
    void theClientLeavesForGood(Call call) {
        call.reach(EACH_SEES_THE_OTHER);
        call.client().session().leave();
    }

    @Test
    @Order(3)
    @Checks("P-06")
    void theProviderIsHeard(Call call) {
        call.reach(EACH_SEES_THE_OTHER);
        MediaFlow.awaitMediaFrom(call.provider(), call.client());
    }

    @Test
    @Order(4)
    @Checks("C-06")
    void theClientIsHeard(Call call) {
        MediaFlow.awaitMediaFrom(call.client(), call.provider());
    }
}
