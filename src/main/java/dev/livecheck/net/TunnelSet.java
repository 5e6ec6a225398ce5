package dev.livecheck.net;

import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;

/** The open {@link StreamTunnel}s of a proxy or relay, each with a tag saying what it carries. */
final class TunnelSet<T> {
    private final Map<StreamTunnel, T> open = new ConcurrentHashMap<>();
    private final ExecutorService threads;
    private final Random random = new Random();

    TunnelSet(ExecutorService threads) {
        this.threads = threads;
    }

    void start(Socket browser, Socket server, PathConditions conditions, byte[] firstUp, T tag) {
        StreamTunnel tunnel = StreamTunnel.start(browser, server, conditions, firstUp, threads, new Random(random.nextLong()),
                open::remove);
        open.put(tunnel, tag);
        if (!tunnel.isOpen()) {
            open.remove(tunnel); // closed before it was registered
        }
    }

    /** Closes the tunnels whose tag matches; returns how many. */
    int close(Predicate<T> which) {
        int n = 0;
        for (Map.Entry<StreamTunnel, T> e : List.copyOf(open.entrySet())) {
            if (which.test(e.getValue())) {
                e.getKey().close();
                n++;
            }
        }
        return n;
    }

    void closeAll() {
        close(tag -> true);
    }
}
