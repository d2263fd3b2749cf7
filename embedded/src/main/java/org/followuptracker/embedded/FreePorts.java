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

    private static int unused() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
