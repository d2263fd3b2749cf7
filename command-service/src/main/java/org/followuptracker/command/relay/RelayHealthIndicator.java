package org.followuptracker.command.relay;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Whether the relay to Kafka is moving. When it keeps failing (Kafka away, a message refused) the service still
 * records commands, so it reports {@code DEGRADED} rather than down, with the error and the position reached.
 */
@Component("relay")
class RelayHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "events are stored but not reaching Kafka");

    private final EventProcessingConfiguration processing;

    RelayHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        TrackingEventProcessor relay = processing
                .eventProcessor(KafkaRelay.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElse(null);
        if (relay == null || !relay.isRunning()) {
            return Health.unknown().withDetail("relay", "not running").build();
        }
        Map<String, Object> segments = new LinkedHashMap<>();
        boolean failing = false;
        for (Map.Entry<Integer, EventTrackerStatus> segment : relay.processingStatus().entrySet()) {
            EventTrackerStatus status = segment.getValue();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("caughtUp", status.isCaughtUp());
            status.getCurrentPosition().ifPresent(position -> detail.put("position", position));
            if (status.isErrorState()) {
                failing = true;
                detail.put("error", String.valueOf(status.getError()));
            }
            segments.put("segment " + segment.getKey(), detail);
        }
        return Health.status(failing ? DEGRADED : Status.UP).withDetails(segments).build();
    }
}
