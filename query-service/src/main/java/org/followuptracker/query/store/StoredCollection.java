package org.followuptracker.query.store;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.bson.Document;
import org.followuptracker.events.EventEnvelope;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * A collection of read-model documents, as the projection that writes it declares it. The store's mechanics go by
 * these declarations, never by a document type's name: what a batch of events reads ahead ({@link ReadAhead}), in
 * what order a flush writes (documents first, then what is written last, in the order declared), what a build keeps
 * in memory until its end, and what the live consumer keeps of what it wrote last ({@link ReadModelLayout}).
 *
 * @param type        the documents' type
 * @param readAhead   which of its documents a batch of events looks up, read ahead for the whole batch; null: none
 * @param writtenLast written after every collection that is not, in the order declared: what tells readers which
 *                    documents there are and which changed, so that a reader who sees it finds them written
 * @param perCountry  one document per country, keyed by the country, that nearly every event of the country changes
 *                    (an index, what changed, the head of a chain): read ahead by the events' countries, kept in
 *                    memory through a build until its end, and by the live consumer for the country's next batch
 * @param kept        how the live consumer keeps what it wrote last of the collection, for the country's next batch;
 *                    null: not kept
 */
public record StoredCollection(String name, Class<?> type, ReadAhead readAhead, boolean writtenLast,
        boolean perCountry, Kept kept) {

    /**
     * The keys of the documents a batch of events looks up, read in a few round trips for the whole batch rather
     * than one or more for each event.
     */
    @FunctionalInterface
    public interface ReadAhead {

        /** The events' own ids: documents only applying them writes ({@link LookAhead#readAheadOfEvents}). */
        ReadAhead EVENT_IDS = events -> events.stream().map(EventEnvelope::id).toList();
        /** The events' countries. */
        ReadAhead COUNTRIES = events -> events.stream().map(EventEnvelope::country).distinct().toList();

        Collection<String> keys(List<EventEnvelope> events);
    }

    /**
     * {@code country}: the country of a document, from its key and itself (null: not kept); {@code entries}: how many
     * entries of lists it holds, for the bound of what is kept.
     */
    public record Kept(BiFunction<String, Object, String> country, ToIntFunction<Object> entries) {
    }

    /**
     * The indexes its documents' type declares ({@link CompoundIndex}). Most reads are key lookups and need none;
     * these serve what a real MongoDB would otherwise scan for.
     */
    List<IndexDefinition> indexes() {
        return Arrays.stream(type.getAnnotationsByType(CompoundIndex.class)).map(declared -> {
            Index index = new CompoundIndexDefinition(Document.parse(declared.def()));
            return (IndexDefinition) (declared.unique() ? index.unique() : index);
        }).toList();
    }

    /** Documents the events change, written first, in no particular order; not read ahead. */
    public static StoredCollection documents(String name) {
        return new StoredCollection(name, Object.class, null, false, false, null);
    }

    /** Documents the events change, written first; those a batch looks up read ahead by {@code readAhead}. */
    public static StoredCollection documents(String name, Class<?> type, ReadAhead readAhead) {
        return new StoredCollection(name, type, readAhead, false, false, null);
    }

    /** Written after the documents, in the order declared. */
    public static StoredCollection writtenLast(String name) {
        return new StoredCollection(name, Object.class, null, true, false, null);
    }

    /** A document per country, keyed by it, written last and kept in memory; {@code entries}: what it holds. */
    public static <T> StoredCollection perCountry(String name, Class<T> type, ToIntFunction<T> entries) {
        return new StoredCollection(name, type, ReadAhead.COUNTRIES, true, true, new Kept((key, document) -> key,
                document -> entries.applyAsInt(type.cast(document))));
    }

    /**
     * Written last; the live consumer keeps what its last batch wrote of a country ({@code country}) for the next
     * batch, which mostly adds to the same documents.
     */
    public static <T> StoredCollection keptByCountry(String name, Class<T> type, Function<T, String> country,
            ToIntFunction<T> entries) {
        return new StoredCollection(name, type, null, true, false, new Kept(
                (key, document) -> type.isInstance(document) ? country.apply(type.cast(document)) : null,
                document -> entries.applyAsInt(type.cast(document))));
    }
}
