package org.followuptracker.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.bson.Document;
import org.followuptracker.embedded.ServiceProcess;

/**
 * B4: reads as readers make them, through HTTP with sign-in, each timed over many requests; baseline: the same read
 * as a single key lookup straight against the same store (the document the view starts from), without HTTP.
 */
final class Reads {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A view, and the document of the live generation that its baseline looks up. */
    record Read(String name, String path, String collection, String key) {
    }

    private final Api api = new Api();

    /**
     * Up to {@code requests} requests, one after the other, stopping early after {@code millis} (a view that takes a
     * second to answer would otherwise stretch the run past its 20 minutes); warmed up first with up to 100 requests
     * or 10 s.
     */
    Latencies http(ServiceProcess queryService, Read read, int requests, long millis) {
        long warmUpEnd = System.nanoTime() + 10_000_000_000L;
        for (int i = 0; i < Math.min(100, requests) && System.nanoTime() < warmUpEnd; i++) {
            api.get(queryService, read.path(), "coordinator");
        }
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + millis * 1_000_000;
        for (int i = 0; i < requests && System.nanoTime() < end; i++) {
            timed(queryService, read, latencies);
        }
        return latencies;
    }

    private void timed(ServiceProcess queryService, Read read, Latencies latencies) {
        long started = System.nanoTime();
        Api.Answer answer = api.get(queryService, read.path(), "coordinator");
        if (!answer.ok()) {
            throw new IllegalStateException(read.path() + " answered " + answer.status() + ": " + answer.body());
        }
        latencies.add(System.nanoTime() - started);
    }

    /**
     * The read right after its country changed, {@code times} times: a letter to the country is recorded, and once
     * the country's audit chain in the store shows it (the query service then no longer answers from what it kept
     * in memory), the read is made once and timed.
     */
    Latencies afterChange(ServiceProcess commandService, ServiceProcess queryService, String mongoUri, Appends appends,
            Read read, String country, int times) throws InterruptedException {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase database = client.getDatabase(new com.mongodb.ConnectionString(mongoUri).getDatabase());
            Latencies latencies = new Latencies();
            for (int i = 0; i < times; i++) {
                long before = auditLength(database, country);
                Api.Answer sent = api.post(commandService, "/api/letters", appends.letter(country), "coordinator");
                if (!sent.ok()) {
                    throw new IllegalStateException("a letter to " + country + " answered " + sent.status() + ": "
                            + sent.body());
                }
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (auditLength(database, country) <= before) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the letter to " + country + " was not projected in 60 s");
                    }
                    Thread.sleep(5);
                }
                timed(queryService, read, latencies);
            }
            return latencies;
        }
    }

    /**
     * How many reads of a country's documents the query service's read cache answered so, since it started: "miss"
     * (read whole from the store), "refresh" (brought up to date with what changed), "hit".
     */
    long cacheReads(ServiceProcess queryService, String result) {
        Api.Answer answer = api.get(queryService, "/actuator/metrics/tracker.read.cache?tag=result:" + result, "admin");
        if (!answer.ok()) {
            throw new IllegalStateException("the query service's read cache metric answered " + answer.status());
        }
        try {
            return (long) JSON.readTree(answer.body())
                    .get("measurements").get(0).get("value").asDouble();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long auditLength(MongoDatabase database, String country) {
        Document live = database.getCollection("read_model_generations").find(Filters.eq("_id", "live")).first();
        Document head = database.getCollection("g" + live.getInteger("number") + "_audit_heads")
                .find(Filters.eq("_id", country)).first();
        return head == null ? 0 : ((Number) head.get("length")).longValue();
    }

    Latencies keyLookup(String mongoUri, Read read, int requests) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase database = client.getDatabase(new com.mongodb.ConnectionString(mongoUri).getDatabase());
            Document live = database.getCollection("read_model_generations").find(Filters.eq("_id", "live")).first();
            String collection = "g" + live.getInteger("number") + "_" + read.collection();
            for (int i = 0; i < Math.min(100, requests); i++) {
                database.getCollection(collection).find(Filters.eq("_id", read.key())).first();
            }
            Latencies latencies = new Latencies();
            for (int i = 0; i < requests; i++) {
                long started = System.nanoTime();
                Document found = database.getCollection(collection).find(Filters.eq("_id", read.key())).first();
                if (found == null) {
                    throw new IllegalStateException("no " + read.key() + " in " + collection);
                }
                latencies.add(System.nanoTime() - started);
            }
            return latencies;
        }
    }
}
