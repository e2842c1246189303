package dev.banyan.rehearsal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Where each part of the topology listens. */
record Ports(
        int proxy,
        int proxyAdmin,
        int monolith,
        int catalogService,
        int cdcBridge,
        int monolithDb,
        int catalogDb,
        int deliveryService,
        int deliveryDb,
        int kafka) {

    static Ports defaults() {
        return new Ports(8080, 8089, 8081, 8082, 8090, 15432, 15433, 8083, 15434, 19092);
    }

    static Ports random() {
        return new Ports(free(), free(), free(), free(), free(), free(), free(), free(), free(), free());
    }

    private static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on this machine", e);
        }
    }
}
