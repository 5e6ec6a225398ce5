package dev.livecheck.net;

import dev.livecheck.config.LivecheckException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultProxyTest {

    /** An echo server on loopback, for the proxy to forward to. */
    private static ServerSocket echoServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.getInputStream().transferTo(s.getOutputStream());
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    private static String roundTrip(int port, int timeoutMs) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(timeoutMs);
            OutputStream out = s.getOutputStream();
            out.write("ping".getBytes());
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(4));
        }
    }

    @Test
    void forwardsByDefault() throws IOException {
        try (ServerSocket echo = echoServer(); FaultProxy proxy = new FaultProxy(echo.getLocalPort())) {
            assertThat(roundTrip(proxy.port(), 2000)).isEqualTo("ping");
        }
    }

    @Test
    void forwardsToAHostByName() throws IOException {
        try (ServerSocket echo = echoServer();
             FaultProxy proxy = new FaultProxy(0, java.net.InetSocketAddress.createUnresolved("localhost", echo.getLocalPort()))) {
            assertThat(roundTrip(proxy.port(), 2000)).isEqualTo("ping");
        }
    }

    @Test
    void aBlackHoleAcceptsButNeverAnswersUntilRestored() throws IOException {
        try (ServerSocket echo = echoServer(); FaultProxy proxy = new FaultProxy(echo.getLocalPort())) {
            proxy.blackHole();
            assertThatThrownBy(() -> roundTrip(proxy.port(), 500)).isInstanceOf(SocketTimeoutException.class);
            proxy.forward();
            assertThat(roundTrip(proxy.port(), 2000)).isEqualTo("ping");
        }
    }

    @Test
    void aTakenPortNamesTheSettingToChange() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Ports.requireFreeTcp(taken.getLocalPort(), "livecheck.livekit.port"))
                    .isInstanceOf(LivecheckException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " (livecheck.livekit.port) is already taken");
        }
    }
}
