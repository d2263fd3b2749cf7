package org.followuptracker.command.recommendation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.Revisions;
import org.springframework.stereotype.Component;

/** Reads a stored RecommendationRecorded of revision 1 as revision 2 (see {@link Revisions}): stored events stay as they are. */
@Component
class RecommendationRecordedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(RecommendationRecorded.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(RecommendationRecorded.class.getName(), RecommendationRecorded.REVISION);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            Revisions.recommendationRecordedOneToTwo((ObjectNode) payload);
            return payload;
        });
    }
}
