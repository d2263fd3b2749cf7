package org.followuptracker.query.consuming;

import java.util.Map;
import org.followuptracker.events.UnreadableEnvelopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** What the consumer does when an event cannot be applied. */
@Configuration
class ConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsumerConfiguration.class);

    /**
     * Whatever fails (MongoDB away, an event type this version does not know yet) is retried with a growing pause,
     * without end and without moving past the event, so no event is lost to the read models. Only a message that
     * is no envelope of ours is logged and passed over: retrying cannot change it.
     */
    @Bean
    DefaultErrorHandler projectionErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> log.error(
                "passing over unreadable message {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                e.getMessage()), backOff);
        // Replaces Spring Kafka's default list of exceptions not to retry, which would pass over events too.
        handler.setClassifications(Map.of(UnreadableEnvelopeException.class, false), true);
        return handler;
    }
}
