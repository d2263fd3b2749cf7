package org.followuptracker.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where B2's time goes: a consumer of its own reads the event topic beside the query service and notes when each
 * event reached Kafka (the record's timestamp, set by the relay's producer) and when a consumer could have it. A
 * probe's time from its 2xx until the query API shows it then splits into three legs: until the relay had sent it
 * (the relay), until a consumer had it (Kafka), and until the query API showed it (the projection). Every event of
 * the window also gives the relay's delay from recording to Kafka, probes or not. All on one machine's wall clock,
 * in milliseconds.
 */
final class RoadLegs implements AutoCloseable {

    /** When the relay sent an event (its producer's time, so the Kafka leg includes the produce) and when we had it. */
    private record Seen(long onKafkaMillis, long consumedMillis) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Seen> bySubject = new ConcurrentHashMap<>();
    private final Latencies relay = new Latencies();
    private final Latencies kafka = new Latencies();
    private final Latencies projection = new Latencies();
    private final Latencies recordedToKafka = new Latencies();
    private final AtomicLong unseen = new AtomicLong();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread reader;
    private volatile boolean running = true;

    RoadLegs(String bootstrapServers) throws InterruptedException {
        reader = new Thread(() -> read(bootstrapServers), "freshness-legs");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(30, TimeUnit.SECONDS)) {
            close();
            throw new IllegalStateException("the legs' consumer found no topic " + BenchmarkStack.TOPIC);
        }
    }

    private void read(String bootstrapServers) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            if (!running) {
                return;
            }
            List<TopicPartition> partitions = consumer.partitionsFor(BenchmarkStack.TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            ready.countDown();
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = System.currentTimeMillis();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    note(record, now);
                }
            }
        }
    }

    private void note(ConsumerRecord<byte[], byte[]> record, long consumedMillis) {
        try {
            JsonNode envelope = JSON.readTree(record.value());
            long recorded = OffsetDateTime.parse(envelope.get("time").asText()).toInstant().toEpochMilli();
            recordedToKafka.add(Math.max(0, record.timestamp() - recorded) * 1_000_000);
            bySubject.put(envelope.get("subject").asText(), new Seen(record.timestamp(), consumedMillis));
        } catch (IOException | RuntimeException e) {
            unseen.incrementAndGet();
        }
    }

    /** A probe for {@code aggregateId}: its command's 2xx at {@code acceptedMillis}, shown at {@code shownMillis}. */
    void probe(String aggregateId, long acceptedMillis, long shownMillis) {
        Seen seen = bySubject.get(aggregateId);
        for (int i = 0; seen == null && i < 40; i++) {
            // Our consumer may poll a little after the query service's.
            sleep(50);
            seen = bySubject.get(aggregateId);
        }
        if (seen == null) {
            unseen.incrementAndGet();
            return;
        }
        relay.add(Math.max(0, seen.onKafkaMillis() - acceptedMillis) * 1_000_000);
        kafka.add(Math.max(0, seen.consumedMillis() - seen.onKafkaMillis()) * 1_000_000);
        projection.add(Math.max(0, shownMillis - seen.consumedMillis()) * 1_000_000);
    }

    /** The legs as p50/p99 in milliseconds, for the report. */
    String summary() {
        return String.format("probes' legs p50/p99 ms: until the relay sent it %s, from its send until a consumer had it %s, until the "
                + "query API showed it %s; every event recorded to Kafka %s (%d events)%s", pair(relay), pair(kafka),
                pair(projection), pair(recordedToKafka), recordedToKafka.count(),
                unseen.get() == 0 ? "" : "; " + unseen.get() + " not seen on the topic");
    }

    private static String pair(Latencies latencies) {
        return Results.f(latencies.percentileMillis(50)) + "/" + Results.f(latencies.percentileMillis(99));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(5_000);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
