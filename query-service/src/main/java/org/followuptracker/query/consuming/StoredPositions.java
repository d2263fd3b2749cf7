package org.followuptracker.query.consuming;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.followuptracker.query.store.Generation;
import org.followuptracker.query.store.TopicPositions;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A poll's records, and the consumer's place on each of its partitions, held against where the read models stand on
 * the topic ({@link TopicPositions}):
 * <ul>
 *   <li>records before a partition's stored position are applied already, and passed over;</li>
 *   <li>a partition on which the consumer stands beyond it (its first record in the poll comes after it, or, with no
 *       record in the poll, the consumer's place does) is read again from there, and none of its records in this poll
 *       applied: the store lost the writes of events applied since (the process that keeps it was killed before its
 *       file had them), or the consumer started from Kafka's committed offsets, which outlived them;</li>
 *   <li>a partition without a stored position (read models of a version that did not keep them) is applied as
 *       delivered.</li>
 * </ul>
 */
final class StoredPositions {

    private final List<ConsumerRecord<String, byte[]>> toApply = new ArrayList<>();
    private final Map<TopicPartition, Long> behind = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> after = new HashMap<>();

    private StoredPositions() {
    }

    /** {@code records} of a poll, and every partition {@code consumer} has, against what the live store holds. */
    static StoredPositions of(MongoTemplate mongo, Generation live, List<ConsumerRecord<String, byte[]>> records,
            Consumer<?, ?> consumer) {
        Set<TopicPartition> partitions = new HashSet<>(consumer.assignment());
        records.forEach(record -> partitions.add(new TopicPartition(record.topic(), record.partition())));
        Map<TopicPartition, Long> stored = TopicPositions.read(mongo, live, partitions);
        Map<TopicPartition, Long> places = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            if (stored.containsKey(partition)) {
                places.put(partition, consumer.position(partition));
            }
        }
        return of(stored, records, places);
    }

    /**
     * {@code stored}: the stored position of each partition that has one; {@code places}: where the consumer stands
     * on its partitions (the offset of the next record a poll returns, past the records of this one).
     */
    static StoredPositions of(Map<TopicPartition, Long> stored, List<ConsumerRecord<String, byte[]>> records,
            Map<TopicPartition, Long> places) {
        StoredPositions positions = new StoredPositions();
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            first.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
        Map<TopicPartition, Long> where = new HashMap<>(places);
        where.putAll(first);
        where.forEach((partition, offset) -> {
            Long position = stored.get(partition);
            if (position != null && position < offset) {
                positions.behind.put(partition, position);
            }
        });
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            Long position = stored.get(partition);
            if (positions.behind.containsKey(partition) || position != null && record.offset() < position) {
                continue;
            }
            positions.toApply.add(record);
            positions.after.merge(partition, record.offset() + 1, Math::max);
        }
        return positions;
    }

    /** The records to apply, in the order delivered. */
    List<ConsumerRecord<String, byte[]>> toApply() {
        return toApply;
    }

    /** Whether the consumer stands beyond the store on some partition: it must read from where the store stands. */
    boolean storeIsBehind() {
        return !behind.isEmpty();
    }

    /** Those partitions, with where the store stands on each: where to read them again from. */
    Map<TopicPartition, Long> behind() {
        return behind;
    }

    /** Where the read models stand on each partition once the records to apply are. */
    Map<TopicPartition, Long> after() {
        return after;
    }
}
