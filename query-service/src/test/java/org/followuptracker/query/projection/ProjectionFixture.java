package org.followuptracker.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.ReceivedEvent;
import org.followuptracker.events.TrackerEvent;

/**
 * A test of projections as a sentence, in the spirit of Axon's fixtures: given these events, when this one, then
 * these documents changed (and no others). Events are applied as the consumer and rebuilds apply them, through
 * {@link Projections} (each once), to an {@link InMemoryReadModel}: no Spring, no Kafka, no store.
 */
public final class ProjectionFixture {

    /** A document of a read model: its collection, its key and what it holds. */
    public record Doc(String collection, String key, Object document) {
    }

    private final Projections projections;
    private final InMemoryReadModel readModel = new InMemoryReadModel();
    private long recorded;
    private Map<String, Map<String, Object>> before = Map.of();
    private Map<String, Map<String, Object>> after = Map.of();

    private ProjectionFixture(Projection... projections) {
        this.projections = new Projections(List.of(projections));
    }

    /** A fixture of these projections, applied in this order. */
    public static ProjectionFixture of(Projection... projections) {
        return new ProjectionFixture(projections);
    }

    public static Doc doc(String collection, String key, Object document) {
        return new Doc(collection, key, document);
    }

    /**
     * An event recorded after all before it, by the coordinator: {@code event-1} on 2013-01-01 at 00:01, the next a
     * minute later.
     */
    public EventEnvelope recorded(String aggregateId, String aggregateType, TrackerEvent event) {
        recorded++;
        return new EventEnvelope("event-" + recorded, OffsetDateTime.parse("2013-01-01T00:00:00Z").plusMinutes(recorded),
                aggregateId, aggregateType, recorded, "1", "coordinator", "a source", event);
    }

    public ProjectionFixture given(EventEnvelope... events) {
        Arrays.stream(events).forEach(this::apply);
        return this;
    }

    public ProjectionFixture when(EventEnvelope event) {
        before = readModel.documents();
        apply(event);
        after = readModel.documents();
        return this;
    }

    /** Exactly these documents were written anew or changed by the event (the mark that it was applied aside). */
    public ProjectionFixture thenDocuments(Doc... expected) {
        assertThat(changed()).containsExactlyInAnyOrderElementsOf(List.of(expected));
        return this;
    }

    /** No document changed (the mark that the event was applied aside, if it was new). */
    public ProjectionFixture thenNothingChanged() {
        assertThat(changed()).isEmpty();
        return this;
    }

    /** The document as it is now, or null. */
    public <T> T document(String collection, String key, Class<T> type) {
        return readModel.find(collection, key, type);
    }

    public InMemoryReadModel readModel() {
        return readModel;
    }

    private List<Doc> changed() {
        Map<String, Map<String, Object>> changed = new LinkedHashMap<>();
        after.forEach((collection, byKey) -> byKey.forEach((key, document) -> {
            if (!collection.equals(AppliedEvent.COLLECTION)
                    && !Objects.equals(before.getOrDefault(collection, Map.of()).get(key), document)) {
                changed.computeIfAbsent(collection, name -> new LinkedHashMap<>()).put(key, document);
            }
        }));
        return changed.entrySet().stream().flatMap(byCollection -> byCollection.getValue().entrySet().stream()
                .map(entry -> new Doc(byCollection.getKey(), entry.getKey(), entry.getValue()))).toList();
    }

    private void apply(EventEnvelope event) {
        ReceivedEvent received = new ReceivedEvent(event, "{\"event\":\"" + event.id() + "\"}", event.revision());
        projections.readAhead(List.of(received), readModel);
        projections.apply(received, readModel);
    }
}
