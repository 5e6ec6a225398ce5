package dev.livecheck.junit;

import dev.livecheck.net.FaultProxy;
import io.qameta.allure.Allure;
import org.opentest4j.TestAbortedException;

import java.util.Optional;

/**
 * Breaks the browsers' path to LiveKit's signalling without changing the app: the app hands out the
 * signalling proxy's URL, and the proxy can turn into a black hole (accepts, never answers).
 */
public final class SignallingFaults {
    private final Optional<FaultProxy> proxy;

    SignallingFaults(Optional<FaultProxy> proxy) {
        this.proxy = proxy;
    }

    /** Skips the test (with the reason) where livecheck has no proxy in the path: an external LiveKit or app. */
    public void blackHole() {
        FaultProxy p = proxy.orElseThrow(() -> new TestAbortedException(
                "signalling faults need livecheck's proxy in front of LiveKit (the embedded app with a local LiveKit)"));
        Allure.step("LiveKit signalling becomes a black hole (TCP accepted, never answered)", p::blackHole);
    }

    public void restore() {
        proxy.ifPresent(p -> Allure.step("LiveKit signalling restored", p::forward));
    }
}
