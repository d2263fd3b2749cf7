package org.followuptracker.embedded.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.followuptracker.events.EnvelopeCodec;

/** The event topic as the faults see it: its messages, sent twice, and the query side's place in it, moved back. */
final class TopicFaults {

    private static final EnvelopeCodec CODEC = new EnvelopeCodec();

    private final Stores stack;

    TopicFaults(Stores stack) {
        this.stack = stack;
    }

    /** Sends again, with its key, each message of the topic with probability {@code fraction}; the number sent. */
    int duplicate(double fraction, long seed) {
        Random random = new Random(seed);
        List<ConsumerRecord<String, byte[]>> chosen = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : messages()) {
            if (random.nextDouble() < fraction) {
                chosen.add(record);
            }
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<String, byte[]> record : chosen) {
                producer.send(new ProducerRecord<>(Stores.TOPIC, record.key(), record.value()));
            }
            producer.flush();
        }
        return chosen.size();
    }

    /**
     * Moves the query side's committed offsets back by {@code fraction} of each partition's messages (at least one
     * where there are any), so those are delivered again; the group must have no member. The number moved back over.
     */
    long rewind(double fraction) throws Exception {
        try (Admin admin = stack.kafkaAdmin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = committed(admin);
            Map<TopicPartition, OffsetAndMetadata> rewound = new HashMap<>();
            long replayed = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> partition : committed.entrySet()) {
                long offset = partition.getValue().offset();
                long back = Math.min(offset, Math.max(offset > 0 ? 1 : 0, Math.round(offset * fraction)));
                rewound.put(partition.getKey(), new OffsetAndMetadata(offset - back));
                replayed += back;
            }
            // The stopped member may still be listed for a moment: Kafka refuses to move a group's offsets then.
            await("the query side's offsets moved back").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsMatching(e -> e instanceof ExecutionException
                            && (e.getCause() instanceof GroupNotEmptyException
                                    || e.getCause() instanceof UnknownMemberIdException
                                    || e.getCause() instanceof RebalanceInProgressException))
                    .until(() -> {
                        admin.alterConsumerGroupOffsets(Stores.CONSUMER_GROUP, rewound).all()
                                .get(30, TimeUnit.SECONDS);
                        return true;
                    });
            return replayed;
        }
    }

    /** How far the query side's committed offsets are behind the end of the topic, in messages. */
    long lag() throws Exception {
        try (Admin admin = stack.kafkaAdmin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = committed(admin);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (PartitionInfo partition : partitions()) {
                latest.put(new TopicPartition(partition.topic(), partition.partition()), OffsetSpec.latest());
            }
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                lag += end.getValue().offset() - (at == null ? 0 : at.offset());
            }
            return lag;
        }
    }

    /** Waits until the query side has committed the whole topic. */
    void awaitConsumed(Duration patience) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        while (lag() > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the query side is still " + lag() + " messages behind");
            }
            Thread.sleep(250);
        }
    }

    /** How many times each event is on the topic, by its id. */
    Map<String, Long> copiesOfEvents() {
        Map<String, Long> copies = new HashMap<>();
        for (ConsumerRecord<String, byte[]> message : messages()) {
            copies.merge(CODEC.receive(message.value()).envelope().id(), 1L, Long::sum);
        }
        return copies;
    }

    /** The members of the query side's consumer group, each with the number of partitions it was given. */
    Map<String, Integer> groupMembers() throws Exception {
        try (Admin admin = stack.kafkaAdmin()) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(Stores.CONSUMER_GROUP)).all()
                    .get(30, TimeUnit.SECONDS).get(Stores.CONSUMER_GROUP);
            Map<String, Integer> members = new TreeMap<>();
            group.members().forEach(member -> members.put(member.consumerId(),
                    member.assignment().topicPartitions().size()));
            return members;
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin) throws Exception {
        return admin.listConsumerGroupOffsets(Stores.CONSUMER_GROUP).partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
    }

    private List<PartitionInfo> partitions() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            return consumer.partitionsFor(Stores.TOPIC, Duration.ofSeconds(30));
        }
    }

    /** Every message on the topic, partition by partition. */
    List<ConsumerRecord<String, byte[]>> messages() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> assigned = consumer.partitionsFor(Stores.TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, Duration.ofSeconds(30));
            while (assigned.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
    }
}
