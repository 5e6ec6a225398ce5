package dev.livecheck.net;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The proxy spoken to as Chromium speaks to it: CONNECT tunnels and absolute-form plain HTTP. */
class BrowserProxyTest {
    private final List<String> originSaw = new CopyOnWriteArrayList<>();
    private TcpEcho echo;
    private HttpServer origin;
    private BrowserProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new TcpEcho();
        origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        origin.createContext("/", x -> {
            originSaw.add(x.getRequestMethod() + " " + x.getRequestURI() + " Connection=" + x.getRequestHeaders().getFirst("Connection"));
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        });
        origin.start();
        proxy = new BrowserProxy();
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        origin.stop(0);
        echo.close();
    }

    @Test
    void tellsChromiumToSendEvenLoopbackThroughIt() {
        assertThat(proxy.chromiumArguments())
                .containsExactly("--proxy-server=http://127.0.0.1:" + proxy.port(), "--proxy-bypass-list=<-loopback>");
    }

    @Test
    void tunnelsAConnect() throws IOException {
        try (Socket s = connect("127.0.0.1:" + echo.port())) {
            assertThat(TcpRelayTest.echoOf(s, "ping", 2000)).isEqualTo("ping");
        }
        assertThat(proxy.seen()).extracting(ProxyRequest::toString).containsExactly("CONNECT 127.0.0.1:" + echo.port());
    }

    @Test
    void forwardsAnAbsoluteFormRequestInOriginForm() throws IOException {
        String response = get("http://localhost:" + origin.getAddress().getPort() + "/token?id=1", 2000);
        assertThat(response).startsWith("HTTP/1.1 200").endsWith("hello");
        assertThat(originSaw).containsExactly("GET /token?id=1 Connection=close");
    }

    @Test
    void aStalledRouteAcceptsAndNeverAnswersUntilClosed() throws IOException {
        PathConditions stalled = new PathConditions();
        stalled.set(Impairment.cut());
        String url = "http://localhost:" + origin.getAddress().getPort() + "/token";
        try (ProxyRoute route = proxy.route("stall token", r -> r.url().map(u -> u.getPath().equals("/token")).orElse(false), stalled);
             Socket hanging = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            send(hanging, "GET " + url + " HTTP/1.1\r\nHost: x\r\n\r\n");
            hanging.setSoTimeout(300);
            assertThatThrownBy(() -> hanging.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(get("http://localhost:" + origin.getAddress().getPort() + "/other", 2000)).endsWith("hello"); // other paths unaffected
            route.close(); // released: the held request goes on
            hanging.setSoTimeout(2000);
            assertThat(new String(hanging.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)).endsWith("hello");
        }
    }

    @Test
    void anOutageThatRefusesConnectionsAnswers502AtOnce() throws IOException {
        PathConditions down = new PathConditions();
        down.refuseConnectionsDuringOutage(true);
        down.set(Impairment.cut());
        proxy.route("offline", r -> r.port() == echo.port(), down);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            send(s, "CONNECT 127.0.0.1:" + echo.port() + " HTTP/1.1\r\n\r\n");
            s.setSoTimeout(2000);
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 502");
        }
    }

    @Test
    void closingConnectionsCutsOnlyTheMatchingTunnels() throws IOException {
        try (TcpEcho other = new TcpEcho();
             Socket a = connect("127.0.0.1:" + echo.port());
             Socket b = connect("127.0.0.1:" + other.port())) {
            assertThat(TcpRelayTest.echoOf(a, "a", 2000)).isEqualTo("a");
            assertThat(TcpRelayTest.echoOf(b, "b", 2000)).isEqualTo("b");
            assertThat(proxy.closeConnections(r -> r.port() == echo.port())).isEqualTo(1);
            a.setSoTimeout(2000);
            assertThat(readOrEnd(a.getInputStream())).isEqualTo(-1);
            assertThat(TcpRelayTest.echoOf(b, "still", 2000)).isEqualTo("still");
        }
    }

    @Test
    void aMappedHostNameReachesItsAddress() throws IOException {
        proxy.mapHost("livekit.test", "127.0.0.1");
        try (Socket s = connect("LiveKit.test:" + echo.port())) {
            assertThat(TcpRelayTest.echoOf(s, "named", 2000)).isEqualTo("named");
        }
    }

    @Test
    void anUnreachableDestinationGets502() throws IOException {
        int closedPort = Ports.freeTcp();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            send(s, "CONNECT 127.0.0.1:" + closedPort + " HTTP/1.1\r\n\r\n");
            s.setSoTimeout(5000);
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 502");
        }
    }

    private Socket connect(String authority) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        send(s, "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n");
        s.setSoTimeout(2000);
        assertThat(BrowserProxy.readHead(s.getInputStream())).startsWith("HTTP/1.1 200");
        return s;
    }

    private String get(String url, int timeoutMs) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            send(s, "GET " + url + " HTTP/1.1\r\nHost: x\r\nProxy-Connection: keep-alive\r\n\r\n");
            s.setSoTimeout(timeoutMs);
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    private static int readOrEnd(InputStream in) {
        try {
            return in.read();
        } catch (IOException reset) {
            return -1;
        }
    }
}
