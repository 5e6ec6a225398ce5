package dev.livecheck.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A UDP echo server on loopback that also notes when each datagram arrived (System.nanoTime). */
final class UdpEcho implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread thread;
    final List<Long> arrivals = new CopyOnWriteArrayList<>();
    final List<InetSocketAddress> senders = new CopyOnWriteArrayList<>();

    UdpEcho() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setReceiveBufferSize(4 << 20);
        thread = new Thread(this::loop, "udp-echo");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    private void loop() {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
                arrivals.add(System.nanoTime());
                InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
                if (!senders.contains(from)) {
                    senders.add(from);
                }
                socket.send(new DatagramPacket(packet.getData(), packet.getLength(), from));
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
