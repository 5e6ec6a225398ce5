package dev.livecheck.net;

import java.util.Locale;
import java.util.Objects;

/**
 * A media address a server advertises in its ICE candidates, e.g. LiveKit's {@code 127.0.0.1:7882/udp}
 * (the muxed ICE/UDP port) or {@code 127.0.0.1:7881/tcp} (ICE/TCP). {@link #key()} is how the in-page
 * script (netpath.js) looks a remote candidate up: {@code address:port/protocol}, the address exactly as
 * it appears in the candidate (an IPv6 address without brackets).
 */
public record MediaEndpoint(String address, int port, Transport transport) {
    /** The transport of an ICE candidate. */
    public enum Transport { UDP, TCP }

    public MediaEndpoint {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(transport, "transport");
        if (port <= 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static MediaEndpoint udp(String address, int port) {
        return new MediaEndpoint(address, port, Transport.UDP);
    }

    public static MediaEndpoint tcp(String address, int port) {
        return new MediaEndpoint(address, port, Transport.TCP);
    }

    public String key() {
        return address.toLowerCase(Locale.ROOT) + ":" + port + "/" + transport.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return key();
    }
}
