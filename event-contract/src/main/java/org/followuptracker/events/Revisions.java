package org.followuptracker.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * How an event written under an older revision of its schema reads under the current one. Old events are never
 * edited: they are brought up to date as they are read, by the event store (through an Axon upcaster) and by the
 * readers of the Kafka topic alike, with this one function.
 */
public final class Revisions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Revisions() {
    }

    /**
     * Brings {@code data} of an event of {@code eventClass} from {@code revision} to the current one, in place.
     *
     * @return the revision it now has
     */
    public static String upcast(Class<? extends TrackerEvent> eventClass, String revision, ObjectNode data) {
        if (eventClass == RecommendationRecorded.class && "1".equals(revision)) {
            recommendationRecordedOneToTwo(data);
            return "2";
        }
        return revision;
    }

    /** Revision 1 knew no mechanism and no themes: the mechanism is inferred from the UN sources where they show it. */
    public static void recommendationRecordedOneToTwo(ObjectNode data) {
        List<UnSource> sources = data.hasNonNull("sources")
                ? List.of(JSON.convertValue(data.get("sources"), UnSource[].class))
                : List.of();
        Mechanism mechanism = Mechanism.inferredFrom(sources);
        if (mechanism == null) {
            data.putNull("mechanism");
        } else {
            data.put("mechanism", mechanism.name());
        }
        data.putArray("themes");
    }
}
