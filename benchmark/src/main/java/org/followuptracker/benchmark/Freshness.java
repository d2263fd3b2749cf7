package org.followuptracker.benchmark;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.followuptracker.embedded.ServiceProcess;

/**
 * B2: how long after a command's 2xx the query API shows what it recorded, with commands arriving at a steady rate
 * (open loop), and one probe at a time beside them: a letter whose new recommendation is asked for every 5 ms until it
 * is there, every 50 ms once 250 ms have passed (more pollers at once, or one polling fast for seconds, would load
 * the query service enough to change what is measured).
 * Baseline: Kafka's own produce-to-consume latency on the same broker, at the same rate, with the same settings as
 * the relay (acks=all, linger 2 ms).
 */
final class Freshness {

    private static final Pattern FIRST_RECOMMENDATION = Pattern.compile("\"recommendationIds\":\\[\"([^\"]+)\"");

    private final Api api = new Api();
    private final Appends appends;
    private final AtomicLong baselines = new AtomicLong();

    Freshness(Appends appends) {
        this.appends = appends;
    }

    Latencies measure(ServiceProcess commandService, ServiceProcess queryService, RoadLegs legs, double perSecond,
            long millis) throws InterruptedException {
        Latencies probes = new Latencies();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + millis * 1_000_000;
        // One probe at a time, beside the load: a letter, then its recommendation asked for every 5 ms until shown.
        Thread prober = new Thread(() -> {
            while (System.nanoTime() < end) {
                Api.Answer answer = api.post(commandService, "/api/letters", appends.letter(), "coordinator");
                long accepted = System.nanoTime();
                long acceptedMillis = System.currentTimeMillis();
                Matcher id = FIRST_RECOMMENDATION.matcher(answer.body());
                if (!answer.ok() || !id.find()) {
                    failed.incrementAndGet();
                    continue;
                }
                String path = "/api/recommendations/" + id.group(1);
                boolean shown = true;
                while (!api.get(queryService, path, "coordinator").ok()) {
                    if (System.nanoTime() - accepted > 60_000_000_000L) {
                        failed.incrementAndGet();
                        shown = false;
                        break;
                    }
                    // Every 5 ms while the target (250 ms) is in reach; then every 50 ms, so that a lagging query
                    // service is not also kept busy answering the probe 200 times a second.
                    sleepMillis(System.nanoTime() - accepted < 250_000_000L ? 5 : 50);
                }
                if (shown) {
                    probes.add(System.nanoTime() - accepted);
                    legs.probe(id.group(1), acceptedMillis, System.currentTimeMillis());
                }
                sleepMillis(50);
            }
        }, "freshness-probe");
        prober.start();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        for (long i = 0; start + i * interval < end; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            senders.submit(() -> {
                if (!api.post(commandService, "/api/letters", appends.letter(), "coordinator").ok()) {
                    failed.incrementAndGet();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        prober.join();
        if (failed.get() > 0) {
            System.out.println("    freshness: " + failed.get() + " commands failed or never showed");
        }
        return probes;
    }

    /** Kafka alone: a message produced every {@code 1/perSecond} s, timed until a polling consumer has it. */
    Latencies kafkaBaseline(String bootstrapServers, double perSecond, long millis) throws Exception {
        String topic = "benchmark-latency-" + baselines.incrementAndGet();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Latencies latencies = new Latencies();
        long count = (long) (perSecond * millis / 1000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.LINGER_MS_CONFIG, 2),
                        new ByteArraySerializer(), new ByteArraySerializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            Thread sender = new Thread(() -> {
                long interval = (long) (1e9 / perSecond);
                long start = System.nanoTime();
                for (long i = 0; i < count; i++) {
                    long wait = start + i * interval - System.nanoTime();
                    if (wait > 0) {
                        sleepNanos(wait);
                    }
                    producer.send(new ProducerRecord<>(topic,
                            ByteBuffer.allocate(8).putLong(System.nanoTime()).array()));
                }
                producer.flush();
            });
            sender.start();
            long received = 0;
            long deadline = System.nanoTime() + millis * 1_000_000 + 30_000_000_000L;
            while (received < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    latencies.add(System.nanoTime() - ByteBuffer.wrap(record.value()).getLong());
                    received++;
                }
            }
            sender.join();
        }
        return latencies;
    }

    private static void sleepMillis(long millis) {
        sleepNanos(millis * 1_000_000);
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
