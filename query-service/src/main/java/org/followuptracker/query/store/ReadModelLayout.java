package org.followuptracker.query.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * Every collection of the read models, as the projections declare them ({@link StoredCollection}), and where the
 * read models stand on the topic ({@link TopicPositions}), written after everything else.
 * <p>
 * Into the live generation, a flush writes the documents first, then what is written last, in the order declared:
 * the indexes' earlier parts before the indexes that count them, so that every part a reader counts is there; which
 * documents changed, after the documents, so that a reader who sees a change reads the documents at least as new;
 * the audit chains' heads after every document the events changed ({@code CountryReadCache} relies on that); then
 * the timeline, where each entry is before the entry and the parts before their index; then the marks that events
 * were applied, so that a flush cut short never marks as applied an event whose effects were not all written; last,
 * where the read models stand on the topic, so that a store that kept a position kept everything before it.
 */
public final class ReadModelLayout {

    /**
     * The layout of the documents this version writes. Raise it with any change to what a projection stores (a
     * collection, a document's shape, what a key means): a query service that finds read models of an earlier
     * layout live builds them anew from the topic and serves the old ones meanwhile ({@code RebuildOnStart}), so
     * no code reads or migrates an earlier layout. Read models written before layouts had versions count as 0.
     */
    public static final int VERSION = 1;

    private final Map<String, StoredCollection> collections = new LinkedHashMap<>();
    private final List<String> writtenLast = new ArrayList<>();

    public ReadModelLayout(List<StoredCollection> declared) {
        for (StoredCollection collection : declared) {
            if (collections.put(collection.name(), collection) != null) {
                throw new IllegalArgumentException(collection.name() + " is declared twice");
            }
            if (collection.writtenLast()) {
                writtenLast.add(collection.name());
            }
        }
        collections.put(TopicPositions.COLLECTION, StoredCollection.writtenLast(TopicPositions.COLLECTION));
        writtenLast.add(TopicPositions.COLLECTION);
    }

    public static ReadModelLayout of(StoredCollection... declared) {
        return new ReadModelLayout(Arrays.asList(declared));
    }

    /** Where a flush into the live generation writes the collection: 0 with the documents, first; then 1, 2... */
    int writeOrder(String collection) {
        return writtenLast.indexOf(collection) + 1;
    }

    /** The collections of one document per country ({@link StoredCollection#perCountry}). */
    public Set<String> perCountry() {
        return names(collection -> collection.perCountry());
    }

    /** The collections the live consumer keeps what it wrote last of ({@link StoredCollection#kept}). */
    public Set<String> kept() {
        return names(collection -> collection.kept() != null);
    }

    /** How the collection is kept, or null. */
    public StoredCollection.Kept kept(String collection) {
        StoredCollection declared = collections.get(collection);
        return declared == null ? null : declared.kept();
    }

    /**
     * The collections a check compares between the live read models and ones built afresh, by name: all but where
     * they stand on the topic, and which documents the last events changed ({@link CountryChanges}), which counts an
     * event applied again after an interrupted write once more: there live and rebuilt may rightly differ.
     */
    public List<String> compared() {
        return collections.values().stream()
                .filter(collection -> collection.type() != CountryChanges.class
                        && !collection.name().equals(TopicPositions.COLLECTION))
                .map(StoredCollection::name).sorted().toList();
    }

    /** The indexes of each collection, as its documents declare them ({@link StoredCollection#indexes}). */
    Map<String, List<IndexDefinition>> indexes() {
        return collections.values().stream().collect(Collectors.toMap(StoredCollection::name, StoredCollection::indexes));
    }

    private Set<String> names(Predicate<StoredCollection> which) {
        return collections.values().stream().filter(which).map(StoredCollection::name)
                .collect(Collectors.toUnmodifiableSet());
    }
}
