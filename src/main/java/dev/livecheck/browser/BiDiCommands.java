package dev.livecheck.browser;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A thread for the BiDi commands an event handler sends: a command sent on BiDi's own event thread waits for an answer
 * that thread would have to deliver, and never gets it.
 */
final class BiDiCommands {
    private BiDiCommands() {
    }

    static ExecutorService thread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
