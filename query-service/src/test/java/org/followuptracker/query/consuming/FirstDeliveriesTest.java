package org.followuptracker.query.consuming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.ReceivedEvent;
import org.followuptracker.query.store.Generation;
import org.followuptracker.query.store.ReadModelLayout;
import org.followuptracker.query.store.RecentCountryDocuments;
import org.junit.jupiter.api.Test;

class FirstDeliveriesTest {

    private static final String TOPIC = "events";
    private static final TopicPartition KAZ = new TopicPartition(TOPIC, 0);
    private static final TopicPartition KGZ = new TopicPartition(TOPIC, 1);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
    private final FirstDeliveries firstDeliveries = new FirstDeliveries();
    private final Generation live = new Generation(1);

    @Test
    void theEventsFromWherePartitionsEndedWhenFirstAskedAreFirstDeliveriesUntilTheConsumerForgets() {
        consumer.updateEndOffsets(Map.of(KAZ, 10L, KGZ, 3L));
        // Polled before asking: the partitions end after them, so they were perhaps applied in part before.
        assertThat(firstDeliveries.among(live, records(KAZ, 8, 9), received(KAZ, 8, 9), consumer)).isEmpty();

        consumer.updateEndOffsets(Map.of(KAZ, 12L, KGZ, 5L));
        List<ConsumerRecord<String, byte[]>> next = new ArrayList<>(records(KAZ, 10, 11));
        next.addAll(records(KGZ, 3, 4));
        List<ReceivedEvent> nextReceived = new ArrayList<>(received(KAZ, 10, 11));
        nextReceived.addAll(received(KGZ, 3, 4));
        // KAZ's end was asked before these: they are first deliveries. KGZ's is asked now: they are not.
        assertThat(firstDeliveries.among(live, next, nextReceived, consumer)).containsExactlyInAnyOrder("0@10", "0@11");
        assertThat(firstDeliveries.among(live, records(KGZ, 5), received(KGZ, 5), consumer)).containsExactly("1@5");

        // A flush failed part way, or the partitions changed: what follows is asked again.
        firstDeliveries.forget();
        consumer.updateEndOffsets(Map.of(KAZ, 13L));
        assertThat(firstDeliveries.among(live, records(KAZ, 12), received(KAZ, 12), consumer)).isEmpty();
        assertThat(firstDeliveries.among(live, records(KAZ, 13), received(KAZ, 13), consumer)).containsExactly("0@13");

        // Another generation live (a rebuild went live): asked again too.
        consumer.updateEndOffsets(Map.of(KAZ, 15L));
        assertThat(firstDeliveries.among(new Generation(2), records(KAZ, 14), received(KAZ, 14), consumer)).isEmpty();
        assertThat(firstDeliveries.among(new Generation(2), records(KAZ, 15), received(KAZ, 15), consumer))
                .containsExactly("0@15");
    }

    @Test
    void aRebalanceForgetsWherePartitionsEnded() {
        consumer.updateEndOffsets(Map.of(KAZ, 10L));
        assertThat(firstDeliveries.among(live, records(KAZ, 9), received(KAZ, 9), consumer)).isEmpty();
        consumer.updateEndOffsets(Map.of(KAZ, 11L));

        new ConsumerRebalance(new RecentCountryDocuments(ReadModelLayout.of()), firstDeliveries).onPartitionsAssigned(consumer, List.of(KAZ));

        // Another instance may have applied offset 10 in part meanwhile.
        assertThat(firstDeliveries.among(live, records(KAZ, 10), received(KAZ, 10), consumer)).isEmpty();
    }

    private static List<ConsumerRecord<String, byte[]>> records(TopicPartition partition, long... offsets) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (long offset : offsets) {
            records.add(new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "KAZ", new byte[0]));
        }
        return records;
    }

    /** Each an event whose id tells where it was delivered: "partition@offset". */
    private static List<ReceivedEvent> received(TopicPartition partition, long... offsets) {
        List<ReceivedEvent> received = new ArrayList<>();
        for (long offset : offsets) {
            EventEnvelope envelope = new EventEnvelope(partition.partition() + "@" + offset,
                    OffsetDateTime.parse("2026-01-01T00:00:00Z"), "KAZ-letter-1", "Letter", offset, "1", "coordinator",
                    null, new FollowUpSent("KAZ-letter-1", "KAZ-follow-up-" + offset, "KAZ",
                            java.time.LocalDate.parse("2026-01-01"), "A reminder", null));
            received.add(new ReceivedEvent(envelope, "{}", "1"));
        }
        return received;
    }
}
