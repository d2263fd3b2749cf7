package org.followuptracker.command.eventstore;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.followuptracker.events.CountryEventIds;
import org.followuptracker.events.TrackerEvent;
import org.springframework.stereotype.Component;

/**
 * The event store's events by country, for auditors who compare the read store with it: every stored event, read
 * from the first in batches as the relay reads them, its country as the relay knows it ({@link TrackerEvent#country}).
 */
@Component
class EventStoreCountries {

    private final EventStorageEngine storage;

    EventStoreCountries(EventStorageEngine storage) {
        this.storage = storage;
    }

    /** The ids of the stored events of each country {@code wanted} accepts, by country. */
    Map<String, CountryEventIds> eventIds(Predicate<String> wanted) {
        Map<String, CountryEventIds> countries = new TreeMap<>();
        // Not blocking: the stream ends with the last event stored by then.
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            events.forEach(message -> {
                if (message.getPayload() instanceof TrackerEvent event && wanted.test(event.country())) {
                    countries.computeIfAbsent(event.country(), country -> new CountryEventIds())
                            .add(message.getIdentifier());
                }
            });
        }
        return countries;
    }
}
