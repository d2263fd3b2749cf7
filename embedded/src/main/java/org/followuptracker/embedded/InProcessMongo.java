package org.followuptracker.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.followuptracker.embedded.readstore.BsonH2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server that speaks MongoDB's wire protocol, in this process, keeping its data in an H2 file so that a restart
 * keeps the read models. It is not MongoDB: it scans where MongoDB would use an index.
 */
public final class InProcessMongo implements AutoCloseable {

    /**
     * The file, in the folder given, where the documents, and the keys of every unique index, are kept as BSON
     * ({@link BsonH2Backend}).
     */
    public static final String FILE = "read-models-bson-3.mv";
    /**
     * Where earlier versions kept them, in ways this one cannot read: as serialized Java objects; then as BSON, but
     * the keys of the audit's unique index serialized; then as BSON, but each document under its id, not under the
     * number of its adding. Their read models are removed: the query service, finding none, builds them again from
     * the event topic.
     */
    static final List<String> EARLIER_FILES = List.of("read-models.mv", "read-models-bson.mv", "read-models-bson-2.mv");

    private static final Logger log = LoggerFactory.getLogger(InProcessMongo.class);

    static {
        // The wire server's BSON codec goes through Netty buffers, whose every access checked the buffer was not yet
        // released and within bounds: 17% of the store's CPU in B2. The price: a malformed message, or a corrupt length
        // in the file, reads past its bytes instead of failing on them; this process holds nothing else that uses
        // Netty. Read once, when Netty's buffers are first loaded, which is here (neither Kafka nor the driver uses it).
        System.setProperty("io.netty.buffer.checkAccessible",
                System.getProperty("io.netty.buffer.checkAccessible", "false"));
        System.setProperty("io.netty.buffer.checkBounds", System.getProperty("io.netty.buffer.checkBounds", "false"));
    }

    private final MongoServer server;
    private final InetSocketAddress address;

    private InProcessMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** The server, its data in {@link #FILE} in {@code folder}. */
    public static InProcessMongo start(Path folder, int port) {
        try {
            Files.createDirectories(folder);
            for (String earlier : EARLIER_FILES) {
                if (Files.deleteIfExists(folder.resolve(earlier))) {
                    log.info("removed the read models of an earlier version ({}); they are built again from the events",
                            folder.resolve(earlier));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the read store's folder " + folder, e);
        }
        MongoBackend backend = new BsonH2Backend(folder.resolve(FILE).toAbsolutePath().toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new InProcessMongo(server, server.getLocalAddress());
    }

    /**
     * The same server keeping its data in memory only (lost when it stops): the web app's and the hostile-input
     * tests use it, and the benchmark, to tell what the H2 file costs from what the wire server costs.
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
