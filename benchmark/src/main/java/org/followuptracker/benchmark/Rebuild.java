package org.followuptracker.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.followuptracker.embedded.ServiceProcess;

/**
 * B3: a rebuild of every projection from the whole topic, as an admin starts it, timed by the query service's own
 * progress report; baseline: a plain Kafka consumer reading the same topic from end to end.
 */
final class Rebuild {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the rebuild reported when it went live. */
    record Outcome(long events, double seconds, double perSecond) {
    }

    private final Api api = new Api();

    Outcome rebuild(ServiceProcess queryService) throws Exception {
        Api.Answer started = api.post(queryService, "/api/admin/rebuilds", "admin");
        if (started.status() != 202) {
            throw new IllegalStateException("the rebuild did not start: " + started.status() + " " + started.body());
        }
        while (true) {
            Thread.sleep(500);
            JsonNode progress = JSON.readTree(api.get(queryService, "/api/admin/rebuilds/latest", "admin").body());
            String state = progress.get("state").asText();
            if (state.equals("LIVE")) {
                double seconds = Duration.between(java.time.Instant.parse(progress.get("startedAt").asText()),
                        java.time.Instant.parse(progress.get("finishedAt").asText())).toMillis() / 1000.0;
                long events = progress.get("eventsDone").asLong();
                return new Outcome(events, seconds, events / seconds);
            }
            if (!state.equals("RUNNING") && !state.equals("BUILT")) {
                throw new IllegalStateException("the rebuild ended " + progress);
            }
        }
    }

    /** Reads every message of the topic with one plain consumer; messages per second. */
    Outcome plainConsumer(String bootstrapServers) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(BenchmarkStack.TOPIC, Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long started = System.nanoTime();
            long read = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Outcome(read, seconds, read / seconds);
        }
    }
}
