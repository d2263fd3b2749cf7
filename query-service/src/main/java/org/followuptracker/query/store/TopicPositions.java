package org.followuptracker.query.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Where a generation of the read models stands on the topic: for each partition, the offset of the next event to
 * apply. Kept in the read store with the documents it covers and written after them ({@link BatchingReadModel}
 * writes this collection last), so that a store that lost its last writes (killed before its file had them) also
 * lost the positions that went past them: the consumer then reads those events again. Kafka's committed offsets are
 * only a hint: they outlive such a loss.
 */
public final class TopicPositions {

    public static final String COLLECTION = "topic_positions";

    /** One partition's position: the offset of the next event to apply. */
    public record Position(@Id String id, String topic, int partition, long next) {
    }

    private TopicPositions() {
    }

    /** Saved with the documents of a batch, to be written after them. */
    public static void save(ReadModel readModel, Map<TopicPartition, Long> next) {
        next.forEach((partition, offset) -> readModel.save(COLLECTION, key(partition),
                new Position(key(partition), partition.topic(), partition.partition(), offset)));
    }

    /** Written now: for a build, once every document it made is written. */
    public static void write(MongoTemplate mongo, Generation generation, Map<TopicPartition, Long> next) {
        if (next.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, generation.collection(COLLECTION));
        next.forEach((partition, offset) -> {
            org.bson.Document document = new org.bson.Document();
            mongo.getConverter().write(new Position(key(partition), partition.topic(), partition.partition(), offset),
                    document);
            bulk.replaceOne(Query.query(Criteria.where("_id").is(key(partition))), document,
                    FindAndReplaceOptions.options().upsert());
        });
        bulk.execute();
    }

    /** The stored positions of these partitions; a partition without one is absent. */
    public static Map<TopicPartition, Long> read(MongoTemplate mongo, Generation generation,
            Collection<TopicPartition> partitions) {
        List<String> keys = partitions.stream().distinct().map(TopicPositions::key).toList();
        Map<TopicPartition, Long> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        for (Position position : mongo.find(Query.query(Criteria.where("_id").in(keys)), Position.class,
                generation.collection(COLLECTION))) {
            found.put(new TopicPartition(position.topic(), position.partition()), position.next());
        }
        return found;
    }

    private static String key(TopicPartition partition) {
        return partition.topic() + "-" + partition.partition();
    }
}
