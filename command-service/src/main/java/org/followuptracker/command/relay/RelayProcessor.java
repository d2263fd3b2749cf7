package org.followuptracker.command.relay;

import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tracking event processor the relay runs in: one thread, batches of 100 events, and a look at the event store
 * at least every 100 ms while it has nothing to send.
 * <p>
 * Why the look: a relay that fell further behind than the event store's cache (10,000 events: a burst of 16 clients
 * for 20 s) is moved to a stream of its own, and once it has caught up it cannot join the cache again, which stopped
 * filling while no one read from it. On its own stream it is woken by no commit, and waited for new events as long
 * as the processor lets it wait: Axon's default, a second. Every event recorded after such a burst then waited about
 * a second before the relay sent it (measured: 700-970 ms, against 1-5 ms with a wait of 100 ms; before the burst,
 * 1-2 ms either way). Waiting 100 ms costs, in that state only, an indexed read of the event store ten times a
 * second, as the event store's own look for new events does.
 */
@org.springframework.context.annotation.Configuration
class RelayProcessor {

    static final int BATCH_SIZE = 100;
    static final long LONGEST_WAIT_MILLIS = 100;

    @Autowired
    void register(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessor(KafkaRelay.PROCESSING_GROUP, Configuration::eventStore,
                configuration -> settings());
    }

    static TrackingEventProcessorConfiguration settings() {
        return TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                .andBatchSize(BATCH_SIZE)
                .andEventAvailabilityTimeout(LONGEST_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }
}
