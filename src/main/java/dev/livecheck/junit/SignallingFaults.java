package dev.livecheck.junit;

import dev.livecheck.net.FaultProxy;
import io.qameta.allure.Allure;

/**
 * Breaks the browsers' path to LiveKit's signalling without changing the app: the app hands out the
 * signalling proxy's URL, and the proxy can turn into a black hole (accepts, never answers).
 */
public final class SignallingFaults {
    private final FaultProxy proxy;

    SignallingFaults(FaultProxy proxy) {
        this.proxy = proxy;
    }

    public void blackHole() {
        Allure.step("LiveKit signalling becomes a black hole (TCP accepted, never answered)", proxy::blackHole);
    }

    public void restore() {
        Allure.step("LiveKit signalling restored", proxy::forward);
    }

    boolean isFaulty() {
        return proxy.mode() != FaultProxy.Mode.FORWARD;
    }
}
