package org.followuptracker.query.consuming;

import org.followuptracker.query.projection.Projections;
import org.followuptracker.query.store.RecentCountryDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** What the live consumer keeps in memory, and what it does when a batch of events cannot be applied. */
@Configuration
class ConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsumerConfiguration.class);

    /** What the live consumer keeps of what it wrote last, by the collections the projections declare. */
    @Bean
    RecentCountryDocuments recentCountryDocuments(Projections projections) {
        return new RecentCountryDocuments(projections.layout());
    }

    /**
     * Whatever fails (MongoDB away, an event type this version does not know yet) is retried with a growing pause,
     * without end and without moving past the batch, so no event is lost to the read models. (Messages that are no
     * envelope of ours are passed over by the consumer itself.)
     */
    @Bean
    DefaultErrorHandler projectionErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> log.error(
                "gave up on {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage()), backOff);
        // Replaces Spring Kafka's default list of exceptions not to retry, which would pass over events too.
        handler.setClassifications(java.util.Map.of(), true);
        return handler;
    }
}
