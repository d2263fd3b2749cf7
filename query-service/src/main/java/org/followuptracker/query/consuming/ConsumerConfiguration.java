package org.followuptracker.query.consuming;

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
     * A failed write (MongoDB away) is retried with a growing pause, without end and without moving past the event,
     * so no event is lost. A message that is no envelope of ours is logged and passed over: retrying cannot change
     * it, and it stays on the topic for whoever can read it.
     */
    @Bean
    DefaultErrorHandler projectionErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> log.error(
                "passing over unreadable message {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                e.getMessage()), backOff);
        handler.addNotRetryableExceptions(UnreadableEnvelopeException.class);
        return handler;
    }
}
