package org.followuptracker.query.consuming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** A poll held against where the read models stand on each partition. */
class StoredPositionsTest {

    private static final TopicPartition P0 = new TopicPartition("events", 0);
    private static final TopicPartition P1 = new TopicPartition("events", 1);

    @Test
    void recordsBeforeTheStoredPositionAreAppliedAlreadyAndPassedOver() {
        StoredPositions positions = StoredPositions.of(Map.of(P0, 12L), List.of(record(P0, 10), record(P0, 11),
                record(P0, 12), record(P0, 13)), Map.of(P0, 14L));

        assertThat(positions.toApply()).extracting(ConsumerRecord::offset).containsExactly(12L, 13L);
        assertThat(positions.storeIsBehind()).isFalse();
        assertThat(positions.after()).isEqualTo(Map.of(P0, 14L));
    }

    @Test
    void aPartitionWhoseRecordsStartBeyondTheStoreIsReadAgainFromWhereTheStoreStands() {
        StoredPositions positions = StoredPositions.of(Map.of(P0, 7L, P1, 3L), List.of(record(P0, 10), record(P1, 3)),
                Map.of(P0, 11L, P1, 4L));

        assertThat(positions.behind()).isEqualTo(Map.of(P0, 7L));
        assertThat(positions.toApply()).extracting(ConsumerRecord::partition).containsExactly(1);
        assertThat(positions.after()).isEqualTo(Map.of(P1, 4L));
    }

    @Test
    void aPartitionWithNoRecordInThePollIsReadAgainWhenTheConsumerStandsBeyondTheStore() {
        StoredPositions positions = StoredPositions.of(Map.of(P0, 5L, P1, 9L), List.of(), Map.of(P0, 8L, P1, 9L));

        assertThat(positions.behind()).isEqualTo(Map.of(P0, 5L));
        assertThat(positions.toApply()).isEmpty();
    }

    @Test
    void aPartitionWithoutAStoredPositionIsAppliedAsDelivered() {
        StoredPositions positions = StoredPositions.of(Map.of(), List.of(record(P0, 10), record(P0, 11)), Map.of());

        assertThat(positions.storeIsBehind()).isFalse();
        assertThat(positions.toApply()).hasSize(2);
        assertThat(positions.after()).isEqualTo(Map.of(P0, 12L));
    }

    private static ConsumerRecord<String, byte[]> record(TopicPartition partition, long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "KAZ", new byte[0]);
    }
}
