package dev.livecheck.net;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class NetworkPathTest {

    @Test
    void findsHostAndPortOfAnyLiveKitUrl() {
        assertThat(NetworkPath.authorityOf("ws://127.0.0.1:7880")).isEqualTo("127.0.0.1:7880");
        assertThat(NetworkPath.authorityOf("wss://livekit.example.com")).isEqualTo("livekit.example.com:443");
        assertThat(NetworkPath.authorityOf("http://livekit.test")).isEqualTo("livekit.test:80");
        assertThat(NetworkPath.authorityOf("wss://[::1]:7443/rtc")).isEqualTo("[::1]:7443");
    }

    @Test
    void theScriptConfigMapsEachEndpointToItsRelay() throws IOException {
        MediaEndpoint udp = MediaEndpoint.udp("127.0.0.1", 7882);
        MediaEndpoint tcp = MediaEndpoint.tcp("127.0.0.1", 7881);
        try (NetworkPath path = NetworkPath.toLiveKit("ws://127.0.0.1:7880", List.of(udp, tcp))) {
            assertThat(path.scriptConfig())
                    .contains("\"127.0.0.1:7882/udp\": " + path.relayPort(udp))
                    .contains("\"127.0.0.1:7881/tcp\": " + path.relayPort(tcp))
                    .contains("dropUnknown: true", "hideLocalCandidates: true", "relayHost: \"127.0.0.1\"");
            assertThat(path.injectedScript()).startsWith("window.__livecheckNetpath = {").contains("rewriteCandidate");
            assertThat(path.chromiumArguments()).contains("--proxy-bypass-list=<-loopback>");
        }
    }

    @Test
    void anEndpointLearnedLaterGetsItsOwnRelayOnce() throws IOException {
        try (UdpEcho media = new UdpEcho();
             NetworkPath path = NetworkPath.toLiveKit("wss://livekit.example.com", List.of());
             DatagramSocket browser = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            MediaEndpoint learned = MediaEndpoint.udp("127.0.0.1", media.address().getPort());
            int relay = path.addMediaEndpoint(learned);
            assertThat(path.addMediaEndpoint(learned)).isEqualTo(relay);
            assertThat(path.scriptConfig()).contains("\"" + learned.key() + "\": " + relay);
            assertThat(udpEcho(browser, relay, 1000)).isTrue();
        }
    }

    @Test
    void cutStopsMediaAndSignallingOfThisPathOnly() throws IOException {
        try (UdpEcho media = new UdpEcho(); TcpEcho signalling = new TcpEcho(); TcpEcho app = new TcpEcho();
             NetworkPath path = NetworkPath.toLiveKit("ws://127.0.0.1:" + signalling.port(),
                     List.of(MediaEndpoint.udp("127.0.0.1", media.address().getPort())));
             DatagramSocket browser = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             Socket ws = tunnel(path, signalling.port())) {
            int relay = path.relayPort(MediaEndpoint.udp("127.0.0.1", media.address().getPort()));
            assertThat(udpEcho(browser, relay, 1000)).isTrue();
            assertThat(TcpRelayTest.echoOf(ws, "a", 2000)).isEqualTo("a");

            path.cut();
            assertThat(udpEcho(browser, relay, 300)).isFalse();
            assertThatThrownBy(() -> TcpRelayTest.echoOf(ws, "b", 300)).isInstanceOf(SocketTimeoutException.class);
            try (Socket other = tunnel(path, app.port())) { // the app's own traffic is not on the cut path
                assertThat(TcpRelayTest.echoOf(other, "app", 2000)).isEqualTo("app");
            }

            path.restore();
            assertThat(udpEcho(browser, relay, 1000)).isTrue();
            ws.setSoTimeout(2000);
            assertThat(new String(ws.getInputStream().readNBytes(1))).isEqualTo("b"); // held, then delivered
        }
    }

    @Test
    void disconnectResetsSignallingAndRefusesNewConnections() throws IOException {
        try (TcpEcho signalling = new TcpEcho();
             NetworkPath path = NetworkPath.toLiveKit("ws://127.0.0.1:" + signalling.port(), List.of());
             Socket ws = tunnel(path, signalling.port())) {
            assertThat(TcpRelayTest.echoOf(ws, "a", 2000)).isEqualTo("a");
            path.disconnect();
            ws.setSoTimeout(2000);
            assertThat(readOrEnd(ws)).isEqualTo(-1);
            assertThat(connectAnswer(path, signalling.port())).startsWith("HTTP/1.1 502");
            path.restore();
            try (Socket again = tunnel(path, signalling.port())) {
                assertThat(TcpRelayTest.echoOf(again, "back", 2000)).isEqualTo("back");
            }
        }
    }

    @Test
    void impairAppliesToMediaAndSignallingAlike() throws IOException {
        try (UdpEcho media = new UdpEcho(); TcpEcho signalling = new TcpEcho();
             NetworkPath path = NetworkPath.toLiveKit("ws://127.0.0.1:" + signalling.port(),
                     List.of(MediaEndpoint.udp("127.0.0.1", media.address().getPort())));
             DatagramSocket browser = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             Socket ws = tunnel(path, signalling.port())) {
            path.impair(Impairment.none().withDelay(Duration.ofMillis(50)));
            int relay = path.relayPort(MediaEndpoint.udp("127.0.0.1", media.address().getPort()));
            long start = System.nanoTime();
            assertThat(udpEcho(browser, relay, 2000)).isTrue();
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(100_000_000L);
            start = System.nanoTime();
            assertThat(TcpRelayTest.echoOf(ws, "a", 2000)).isEqualTo("a");
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(100_000_000L);
        }
    }

    @Test
    void stallHttpHoldsOnlyThatDestination() throws IOException {
        try (TcpEcho app = new TcpEcho(); TcpEcho other = new TcpEcho();
             NetworkPath path = NetworkPath.toLiveKit("ws://127.0.0.1:1", List.of())) {
            ProxyRoute stall = path.stallHttp("localhost:" + app.port());
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), path.proxy().port())) {
                s.getOutputStream().write(("CONNECT localhost:" + app.port() + " HTTP/1.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                s.setSoTimeout(300);
                assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
                try (Socket o = tunnel(path, other.port())) {
                    assertThat(TcpRelayTest.echoOf(o, "ok", 2000)).isEqualTo("ok");
                }
                stall.close();
                s.setSoTimeout(2000);
                assertThat(BrowserProxy.readHead(s.getInputStream())).startsWith("HTTP/1.1 200");
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> path.proxy().seen().size() == 2);
        }
    }

    private static Socket tunnel(NetworkPath path, int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), path.proxy().port());
        s.getOutputStream().write(("CONNECT 127.0.0.1:" + port + " HTTP/1.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        s.setSoTimeout(2000);
        assertThat(BrowserProxy.readHead(s.getInputStream())).startsWith("HTTP/1.1 200");
        return s;
    }

    private static String connectAnswer(NetworkPath path, int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), path.proxy().port())) {
            s.getOutputStream().write(("CONNECT 127.0.0.1:" + port + " HTTP/1.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            s.setSoTimeout(2000);
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static boolean udpEcho(DatagramSocket browser, int relayPort, int timeoutMs) throws IOException {
        browser.setSoTimeout(timeoutMs);
        browser.send(new DatagramPacket(new byte[]{1, 2, 3}, 3, new InetSocketAddress(InetAddress.getLoopbackAddress(), relayPort)));
        try {
            browser.receive(new DatagramPacket(new byte[16], 16));
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private static int readOrEnd(Socket s) {
        try {
            return s.getInputStream().read();
        } catch (IOException reset) {
            return -1;
        }
    }
}
