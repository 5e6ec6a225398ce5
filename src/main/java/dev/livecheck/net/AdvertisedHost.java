package dev.livecheck.net;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The address browsers reach this machine's services at: the app livecheck starts, its LiveKit (signalling and media),
 * a test's network path. Loopback while the browsers run here; with a Grid whose nodes are other hosts, this machine's
 * address on the Grid's network — the one it uses towards the Grid — since a node's loopback is its own.
 * {@code livecheck.advertise.host} chooses it (an address of this machine).
 */
public final class AdvertisedHost {
    public static final String PROPERTY = "livecheck.advertise.host";

    private AdvertisedHost() {
    }

    /** This run's, from the system's settings. */
    public static InetAddress current() {
        return of(Settings.fromSystem());
    }

    public static InetAddress of(Settings settings) {
        Optional<String> given = settings.get(PROPERTY);
        if (given.isPresent()) {
            return ofThisMachine(given.get());
        }
        return settings.get("livecheck.grid.url").map(AdvertisedHost::towards).orElse(InetAddress.getLoopbackAddress());
    }

    /** {@code 127.0.0.1}, {@code 10.77.0.1}: as it goes into a URL or a configuration. */
    public static String literal(InetAddress address) {
        return address.getHostAddress();
    }

    /** The address this machine sends from towards the Grid: loopback for a Grid on this machine. */
    static InetAddress towards(String gridUrl) {
        String host = URI.create(gridUrl).getHost();
        try {
            InetAddress grid = InetAddress.getByName(host);
            if (grid.isLoopbackAddress()) {
                return InetAddress.getLoopbackAddress();
            }
            try (DatagramSocket probe = new DatagramSocket()) {
                probe.connect(grid, 4444); // no packet is sent: the kernel only picks the route and its source address
                InetAddress local = probe.getLocalAddress();
                if (local == null || local.isAnyLocalAddress()) {
                    throw new LivecheckException("livecheck.grid.url=" + gridUrl + ": this machine has no route to " + host
                            + ": give the address its browsers reach this machine at with -D" + PROPERTY + "=…");
                }
                return local;
            }
        } catch (UnknownHostException e) {
            throw new LivecheckException("livecheck.grid.url=" + gridUrl + ": unknown host " + host + ": correct the Grid's URL", e);
        } catch (IOException e) {
            throw new LivecheckException("livecheck.grid.url=" + gridUrl + ": cannot find this machine's address towards it (" + e.getMessage()
                    + "): give it with -D" + PROPERTY + "=…", e);
        }
    }

    private static InetAddress ofThisMachine(String given) {
        try {
            InetAddress address = InetAddress.getByName(given);
            if (!address.isLoopbackAddress() && NetworkInterface.getByInetAddress(address) == null) {
                throw new LivecheckException(PROPERTY + "=" + given + " is not an address of this machine: give one its interfaces have (ip -4 addr)");
            }
            return address;
        } catch (UnknownHostException | SocketException e) {
            throw new LivecheckException(PROPERTY + "=" + given + " is not an address: give an IP address of this machine, e.g. 10.77.0.1", e);
        }
    }
}
