package org.followuptracker.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * A TCP port nobody listens on now, for a broker, a store or a service started next, and never one this JVM handed
 * out before. The system picks a port at random for each {@code bind(0)}, and nothing holds it until the service
 * binds it seconds later; twice the same pick gave two services one port, and the one that bound first answered for
 * both (a POST meant for the command service reached the query service and was refused with 403).
 */
public final class FreePorts {

    private static final int MOST_TRIES = 100;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    public static synchronized int next() {
        for (int attempt = 0; attempt < MOST_TRIES; attempt++) {
            int port = unused();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no TCP port found in " + MOST_TRIES + " tries that this JVM had not handed out");
    }

    /**
     * As {@link #next()}, but below the range the system hands out to outgoing connections (from 32768 on Linux):
     * for a broker, a store or a service that must get its port back when it starts again. A port from that range,
     * free when handed out, was taken meanwhile by a connection some client made, and the restart failed with
     * "Address already in use".
     */
    public static synchronized int nextToKeep() {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < MOST_TRIES; attempt++) {
            int port = 20_000 + random.nextInt(12_000);
            if (!HANDED_OUT.contains(port) && free(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no TCP port below 32000 found free in " + MOST_TRIES + " tries");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int unused() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
