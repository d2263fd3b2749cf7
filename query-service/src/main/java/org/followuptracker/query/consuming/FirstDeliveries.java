package org.followuptracker.query.consuming;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.followuptracker.events.ReceivedEvent;
import org.followuptracker.query.store.Generation;
import org.springframework.stereotype.Component;

/**
 * Which events the live consumer is the first to apply: those it is given from the offset each of its partitions
 * ended at when it first asked, after it was given the partition. No one can have applied any of them before, not
 * even in part, so their audit entries and timeline places need not be looked for in the store
 * ({@code BatchingReadModel#firstDelivered}): some 40% of what a live batch read ahead, nearly always to find nothing.
 * <p>
 * An event before that offset was perhaps applied in part: by a consumer that stopped between its write and its
 * offset commit, or by another instance that had the partition. An event from it on was not: only this consumer has
 * applied the partition since, and it writes an event's entry and place in the flush that marks it applied. So it is
 * forgotten, and the partitions' ends asked again, when that is no longer so: after a flush that failed part way (the
 * consumer says so), when the consumer's partitions change (another instance may have applied them meanwhile), and
 * when another generation of the read models is live.
 * <p>
 * An event delivered again later (the relay sends what it sent before its crash once more) is not new for that: it
 * is still looked for among the events marked applied, which is what keeps it from being applied twice, and its first
 * delivery came earlier in the partition, so it was applied whole, or looked for and completed, before.
 */
@Component
public class FirstDeliveries {

    private final Map<TopicPartition, Long> firstOffsets = new HashMap<>();
    private long generation = -1;

    /**
     * The ids of those {@code received} events that no one can have applied before; {@code records} are where they
     * came from, the same one at the same place. Asks {@code consumer}, on whose thread this runs, for the end of
     * partitions it has not asked yet since it last forgot: none of these records is new then.
     */
    public synchronized Set<String> among(Generation live, List<ConsumerRecord<String, byte[]>> records,
            List<ReceivedEvent> received, Consumer<?, ?> consumer) {
        if (live.number() != generation) {
            firstOffsets.clear();
            generation = live.number();
        }
        List<TopicPartition> partitions = records.stream()
                .map(record -> new TopicPartition(record.topic(), record.partition())).toList();
        Set<TopicPartition> unknown = partitions.stream().filter(partition -> !firstOffsets.containsKey(partition))
                .collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            firstOffsets.putAll(consumer.endOffsets(unknown));
        }
        Set<String> first = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            Long from = firstOffsets.get(partitions.get(i));
            if (from != null && records.get(i).offset() >= from) {
                first.add(received.get(i).envelope().id());
            }
        }
        return first;
    }

    /** Forgets where the partitions ended: the store may hold parts of events beyond. */
    public synchronized void forget() {
        firstOffsets.clear();
    }
}
