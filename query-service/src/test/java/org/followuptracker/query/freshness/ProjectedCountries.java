package org.followuptracker.query.freshness;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.ReceivedEvent;
import org.followuptracker.events.TrackerEvent;
import org.followuptracker.query.audit.AuditHead;
import org.followuptracker.query.store.BatchingReadModel;
import org.followuptracker.query.store.DirectReadModel;
import org.followuptracker.query.store.Generation;
import org.followuptracker.query.projection.Projection;
import org.followuptracker.query.projection.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * For tests of what readers keep: a read store (the embedded MongoDB-wire server, in memory) that events are applied
 * to through projections as the consumer applies them, each event then ending its country's audit chain.
 */
public final class ProjectedCountries implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    public final MongoTemplate mongo;
    public final DirectReadModel readModel;
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final CountryReadCache cache = new CountryReadCache(100_000, meters);
    private final Map<String, Long> lengths = new HashMap<>();
    private long recorded;

    public ProjectedCountries() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "test");
        readModel = new DirectReadModel(mongo, new Generation(1));
    }

    /** An event recorded after all before it. */
    public EventEnvelope recorded(String aggregateId, String aggregateType, TrackerEvent event) {
        recorded++;
        return new EventEnvelope("event-" + recorded, OffsetDateTime.parse("2026-01-01T00:00:00Z").plusMinutes(recorded),
                aggregateId, aggregateType, recorded, "1", "coordinator", "a source", event);
    }

    /** Applies the event through the projections, written as the consumer writes, and ends the country's chain with it. */
    public void applied(EventEnvelope envelope, Projection... projections) {
        BatchingReadModel batch = new BatchingReadModel(mongo, readModel.generation(),
                new Projections(List.of(projections)).layout());
        for (Projection projection : projections) {
            projection.apply(new ReceivedEvent(envelope, "{}", envelope.revision()), batch);
        }
        batch.flush();
        chainEndsWith(envelope.country(), envelope.id());
    }

    /** The country's audit chain grows by one event, {@code eventId}. */
    public void chainEndsWith(String country, String eventId) {
        long length = lengths.merge(country, 1L, Long::sum);
        mongo.save(new AuditHead(country, length, eventId, "hash"), readModel.generation().collection(AuditHead.COLLECTION));
    }

    /** How many reads of a country's documents had this result: hit, refresh, miss. */
    public double reads(String result) {
        return meters.counter("tracker.read.cache", "result", result).count();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
