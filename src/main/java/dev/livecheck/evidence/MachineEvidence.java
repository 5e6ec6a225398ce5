package dev.livecheck.evidence;

import dev.livecheck.machine.MachineLoad;
import io.qameta.allure.Allure;

import java.util.List;
import java.util.Optional;

/** What the machine did during a test, and whose work it was: attached to every test, so a red can be told from a busy machine. */
public final class MachineEvidence {
    public static final String ATTACHMENT = "machine during the test";

    private MachineEvidence() {
    }

    public static void attach(Optional<MachineLoad> load, boolean countOtherTests) {
        if (load.isEmpty()) {
            Allure.addAttachment(ATTACHMENT, "text/plain", "not measured: no /proc on this machine, or livecheck.machine=false");
            return;
        }
        MachineLoad l = load.get();
        String verdict = l.overload(countOtherTests).map(why -> "busy with work that was not this test's: " + why)
                .orElse("room for this test: nothing else took the CPU by livecheck's rule (README: a red the app earned)");
        Allure.addAttachment(ATTACHMENT, "text/plain", l.summary() + "\n" + verdict + "\n\n" + l.table());
    }

    public static List<Timeline.Event> events(Optional<MachineLoad> load) {
        return load.map(l -> l.episodes().stream().map(e -> new Timeline.Event(e.at(), "machine", "load", e.text())).toList()).orElse(List.of());
    }
}
