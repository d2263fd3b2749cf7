package org.followuptracker.query.timeline;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A letter and the responses it got, to tell which letters still await an answer. */
@Document("letters")
record LetterDocument(
        @Id String letterId,
        @Indexed String country,
        String sentOn,
        String responseDueBy,
        String subject,
        List<String> responseIds) {

    boolean awaitsResponse() {
        return responseIds.isEmpty();
    }
}
