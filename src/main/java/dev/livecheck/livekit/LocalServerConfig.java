package dev.livecheck.livekit;

import dev.livecheck.net.Ports;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The configuration of a LiveKit server livecheck starts itself: one address only (loopback, or where a Grid's nodes
 * reach this machine), no public STUN (the
 * machine may have no internet), and a fresh API secret per run so no secret is ever committed.
 */
public record LocalServerConfig(int httpPort, int rtcTcpPort, int rtcUdpPort, Credentials credentials, String redisAddress, String host) {
    public static final String API_KEY = "livecheck";

    /** Ports 0 mean "pick a free one"; on loopback. */
    public static LocalServerConfig create(int httpPort, int rtcTcpPort, int rtcUdpPort) {
        return create(httpPort, rtcTcpPort, rtcUdpPort, "127.0.0.1");
    }

    /** Listening, and advertising its media, on {@code host} only: loopback, or the address a Grid's nodes reach this machine at. */
    public static LocalServerConfig create(int httpPort, int rtcTcpPort, int rtcUdpPort, String host) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return new LocalServerConfig(
                httpPort == 0 ? Ports.freeTcp() : checked(httpPort, "livecheck.livekit.port"),
                rtcTcpPort == 0 ? Ports.freeTcp() : checked(rtcTcpPort, "livecheck.livekit.rtcTcpPort"),
                rtcUdpPort == 0 ? Ports.freeUdp() : rtcUdpPort,
                new Credentials(API_KEY, HexFormat.of().formatHex(secret)), null, host);
    }

    /** LiveKit talks to Egress through Redis: with it, {@code StartRoomCompositeEgress} and the rest reach a local Egress. */
    public LocalServerConfig withRedis(String address) {
        return new LocalServerConfig(httpPort, rtcTcpPort, rtcUdpPort, credentials, address, host);
    }

    private static int checked(int port, String setting) {
        Ports.requireFreeTcp(port, setting);
        return port;
    }

    public String wsUrl() {
        return "ws://" + host + ":" + httpPort;
    }

    public String httpUrl() {
        return "http://" + host + ":" + httpPort;
    }

    /** Where LiveKit's ICE candidates point: its muxed UDP port and its ICE/TCP port on its host. */
    public java.util.List<dev.livecheck.net.MediaEndpoint> mediaEndpoints() {
        return java.util.List.of(dev.livecheck.net.MediaEndpoint.udp(host, rtcUdpPort), dev.livecheck.net.MediaEndpoint.tcp(host, rtcTcpPort));
    }

    /** LiveKit's YAML. Holds the secret: write it only to a private file, never to a log. */
    public String yaml() {
        return """
                port: %d
                bind_addresses: ["%s"]
                rtc:
                  tcp_port: %d
                  udp_port: %d
                  node_ip: %s
                  use_external_ip: false
                  enable_loopback_candidate: true
                  stun_servers: ["127.0.0.1:3478"]
                  # media on its host only: LiveKit otherwise binds every interface and may answer from the wrong one
                  ips:
                    includes: ["%s/32"]
                room:
                  empty_timeout: 30
                  departure_timeout: 5
                keys:
                  %s: %s
                logging:
                  level: info
                """.formatted(httpPort, host, rtcTcpPort, rtcUdpPort, host, host, credentials.apiKey(), credentials.apiSecret())
                + (redisAddress == null ? "" : "redis:\n  address: " + redisAddress + "\n");
    }
}
