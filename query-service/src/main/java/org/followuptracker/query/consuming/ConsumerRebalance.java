package org.followuptracker.query.consuming;

import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.followuptracker.query.store.RecentCountryDocuments;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * When the live consumer's partitions change, another instance may have applied their events meanwhile: what it
 * knows of the store from its own writes ({@link RecentCountryDocuments}, {@link FirstDeliveries}) no longer holds.
 */
@Component
class ConsumerRebalance implements ConsumerAwareRebalanceListener {

    private final RecentCountryDocuments recent;
    private final FirstDeliveries firstDeliveries;

    ConsumerRebalance(RecentCountryDocuments recent, FirstDeliveries firstDeliveries) {
        this.recent = recent;
        this.firstDeliveries = firstDeliveries;
    }

    private void forget() {
        recent.forget();
        firstDeliveries.forget();
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget();
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget();
    }
}
