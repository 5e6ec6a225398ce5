package dev.livecheck.net;

import dev.livecheck.config.LivecheckException;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback ports for the fixtures: free ones picked by the OS, or a configured one checked up front. */
public final class Ports {
    private Ports() {
    }

    public static int freeTcp() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LivecheckException("no free TCP port on loopback: " + e.getMessage(), e);
        }
    }

    public static int freeUdp() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LivecheckException("no free UDP port on loopback: " + e.getMessage(), e);
        }
    }

    /** Fails fast, naming the setting to change, when a port a fixture was told to use is taken. */
    public static void requireFreeTcp(int port, String setting) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new LivecheckException("port " + port + " (" + setting + ") is already taken on 127.0.0.1: "
                    + "stop what holds it (ss -ltnp 'sport = :" + port + "') or set " + setting + "=0 to pick a free port");
        }
    }

    public static boolean isListening(int port) {
        return isListening(InetAddress.getLoopbackAddress(), port);
    }

    public static boolean isListening(InetAddress host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
