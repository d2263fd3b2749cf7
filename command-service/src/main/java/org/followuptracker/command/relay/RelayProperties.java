package org.followuptracker.command.relay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the relay publishes.
 *
 * @param topic      the one topic every event goes to; it keeps events forever, since projections rebuild from it
 * @param partitions how many partitions the relay gives the topic when it creates it
 * @param replicas   its replication factor
 */
@ConfigurationProperties("tracker.kafka")
public record RelayProperties(String topic, int partitions, short replicas) {

    public RelayProperties {
        topic = topic == null ? "followup-tracker.events" : topic;
        partitions = partitions <= 0 ? 12 : partitions;
        replicas = replicas <= 0 ? 1 : replicas;
    }
}
