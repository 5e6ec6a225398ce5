package dev.livecheck.net;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TcpRelayTest {
    private final PathConditions conditions = new PathConditions();

    @Test
    void joinsEachConnectionToTheEndpoint() throws IOException {
        try (TcpEcho echo = new TcpEcho(); TcpRelay relay = new TcpRelay(echo.address(), conditions);
             Socket s = connect(relay)) {
            assertThat(echoOf(s, "ping", 2000)).isEqualTo("ping");
        }
    }

    @Test
    void delayEachWayLengthensTheRoundTrip() throws IOException {
        conditions.set(Impairment.none().withDelay(Duration.ofMillis(60)));
        try (TcpEcho echo = new TcpEcho(); TcpRelay relay = new TcpRelay(echo.address(), conditions);
             Socket s = connect(relay)) {
            long start = System.nanoTime();
            assertThat(echoOf(s, "ping", 2000)).isEqualTo("ping");
            assertThat(System.nanoTime() - start).isBetween(120_000_000L, 400_000_000L);
        }
    }

    @Test
    void anOutageHoldsTheBytesAndRestoreDeliversThem() throws IOException {
        try (TcpEcho echo = new TcpEcho(); TcpRelay relay = new TcpRelay(echo.address(), conditions);
             Socket s = connect(relay)) {
            assertThat(echoOf(s, "a", 2000)).isEqualTo("a");
            conditions.set(Impairment.cut());
            assertThatThrownBy(() -> echoOf(s, "held", 300)).isInstanceOf(SocketTimeoutException.class);
            conditions.set(Impairment.none());
            s.setSoTimeout(2000);
            assertThat(new String(s.getInputStream().readNBytes(4))).isEqualTo("held"); // nothing lost, nothing reset
        }
    }

    @Test
    void closingConnectionsResetsThemButNewOnesWork() throws IOException {
        try (TcpEcho echo = new TcpEcho(); TcpRelay relay = new TcpRelay(echo.address(), conditions)) {
            Socket s = connect(relay);
            assertThat(echoOf(s, "a", 2000)).isEqualTo("a");
            relay.closeConnections();
            s.setSoTimeout(2000);
            assertThat(readOrEnd(s.getInputStream())).isEqualTo(-1);
            s.close();
            try (Socket again = connect(relay)) {
                assertThat(echoOf(again, "b", 2000)).isEqualTo("b");
            }
        }
    }

    private static int readOrEnd(InputStream in) {
        try {
            return in.read();
        } catch (IOException reset) {
            return -1;
        }
    }

    private static Socket connect(TcpRelay relay) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), relay.port());
    }

    static String echoOf(Socket s, String text, int timeoutMs) throws IOException {
        s.setSoTimeout(timeoutMs);
        s.getOutputStream().write(text.getBytes());
        s.getOutputStream().flush();
        return new String(s.getInputStream().readNBytes(text.length()));
    }
}
