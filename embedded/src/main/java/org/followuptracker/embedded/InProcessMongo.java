package org.followuptracker.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server that speaks MongoDB's wire protocol, in this process, keeping its data in an H2 file so that a restart
 * keeps the read models. It is not MongoDB: it scans where MongoDB would use an index.
 */
public final class InProcessMongo implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private InProcessMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    public static InProcessMongo start(Path dataFile, int port) {
        try {
            Files.createDirectories(dataFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + dataFile, e);
        }
        MongoBackend backend = new H2Backend(dataFile.toAbsolutePath().toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new InProcessMongo(server, server.getLocalAddress());
    }

    /**
     * The same server keeping its data in memory only (lost when it stops): the benchmark uses it to tell what the
     * H2 file costs from what the wire server costs.
     */
    public static InProcessMongo startInMemory(int port) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        return new InProcessMongo(server, server.getLocalAddress());
    }

    public String uri(String database) {
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
