package dev.livecheck.livekit;

import dev.livecheck.net.Ports;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The configuration of a LiveKit server livecheck starts itself: loopback only, no public STUN (the
 * machine may have no internet), and a fresh API secret per run so no secret is ever committed.
 */
public record LocalServerConfig(int httpPort, int rtcTcpPort, int rtcUdpPort, Credentials credentials, String redisAddress) {
    public static final String API_KEY = "livecheck";

    /** Ports 0 mean "pick a free one". */
    public static LocalServerConfig create(int httpPort, int rtcTcpPort, int rtcUdpPort) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return new LocalServerConfig(
                httpPort == 0 ? Ports.freeTcp() : checked(httpPort, "livecheck.livekit.port"),
                rtcTcpPort == 0 ? Ports.freeTcp() : checked(rtcTcpPort, "livecheck.livekit.rtcTcpPort"),
                rtcUdpPort == 0 ? Ports.freeUdp() : rtcUdpPort,
                new Credentials(API_KEY, HexFormat.of().formatHex(secret)), null);
    }

    /** LiveKit talks to Egress through Redis: with it, {@code StartRoomCompositeEgress} and the rest reach a local Egress. */
    public LocalServerConfig withRedis(String address) {
        return new LocalServerConfig(httpPort, rtcTcpPort, rtcUdpPort, credentials, address);
    }

    private static int checked(int port, String setting) {
        Ports.requireFreeTcp(port, setting);
        return port;
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + httpPort;
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Where LiveKit's ICE candidates point: its muxed UDP port and its ICE/TCP port on loopback. */
    public java.util.List<dev.livecheck.net.MediaEndpoint> mediaEndpoints() {
        return java.util.List.of(dev.livecheck.net.MediaEndpoint.udp("127.0.0.1", rtcUdpPort), dev.livecheck.net.MediaEndpoint.tcp("127.0.0.1", rtcTcpPort));
    }

    /** LiveKit's YAML. Holds the secret: write it only to a private file, never to a log. */
    public String yaml() {
        return """
                port: %d
                bind_addresses: ["127.0.0.1"]
                rtc:
                  tcp_port: %d
                  udp_port: %d
                  node_ip: 127.0.0.1
                  use_external_ip: false
                  enable_loopback_candidate: true
                  stun_servers: ["127.0.0.1:3478"]
                  # media on loopback only: LiveKit otherwise binds every interface and may answer from the wrong one
                  ips:
                    includes: ["127.0.0.1/32"]
                room:
                  empty_timeout: 30
                  departure_timeout: 5
                keys:
                  %s: %s
                logging:
                  level: info
                """.formatted(httpPort, rtcTcpPort, rtcUdpPort, credentials.apiKey(), credentials.apiSecret())
                + (redisAddress == null ? "" : "redis:\n  address: " + redisAddress + "\n");
    }
}
