package org.followuptracker.query.store;

/**
 * The read-model documents of one generation, as projections see them: looked up by key, written back whole.
 * Every read model is designed so that what a projection needs is a key lookup, which every store (including the
 * embedded MongoDB-wire server, which has no secondary indexes) answers quickly.
 */
public interface ReadModel {

    Generation generation();

    /** The document of {@code collection} with key {@code id}, or null. */
    <T> T find(String collection, String id, Class<T> type);

    /** Stores the document under its key, replacing what was there. */
    void save(String collection, String id, Object document);
}
