package org.followuptracker.query.store;

import java.util.Collection;

/**
 * Reads ahead, in one round trip, documents that a batch of events will look up one by one: mostly to learn that
 * they are not there yet (has this event been applied? is it in the audit chain?).
 */
public interface LookAhead {

    /** Reads the documents of {@code collection} with these keys now; later lookups of them are answered from memory. */
    void readAhead(String collection, Collection<String> ids, Class<?> type);

    /**
     * As {@link #readAhead}, for documents keyed by the ids of the events being applied, which only applying those
     * events writes (an audit entry, a timeline place): those of events no one can have applied before, not even in
     * part, are known absent without asking the store (see {@code BatchingReadModel#firstDelivered}).
     */
    void readAheadOfEvents(String collection, Collection<String> eventIds, Class<?> type);

    /**
     * The document of {@code collection} with key {@code id}, or null: from what was read ahead (or saved since), else
     * from the store. For what a later read ahead depends on (the parts a country's index names).
     */
    <T> T find(String collection, String id, Class<T> type);
}
