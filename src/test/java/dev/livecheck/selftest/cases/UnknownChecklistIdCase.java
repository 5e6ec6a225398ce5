package dev.livecheck.selftest.cases;

import dev.livecheck.browser.Participant;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.LiveCheck;
import org.junit.jupiter.api.Test;

/** A test that names a checklist item that doesn't exist. */
@LiveCheck
public class UnknownChecklistIdCase {

    @Test
    @Checks("Z-99")
    void namesAnItemTheChecklistLacks(Participant provider) {
        provider.logIn();
    }
}
