package org.followuptracker.query.timeline;

import java.util.List;
import java.util.stream.Stream;
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

    LetterDocument dueBy(String newDueBy) {
        return new LetterDocument(letterId, country, sentOn, newDueBy, subject, responseIds);
    }

    LetterDocument answeredBy(String responseId) {
        if (responseIds.contains(responseId)) {
            return this;
        }
        return new LetterDocument(letterId, country, sentOn, responseDueBy, subject,
                Stream.concat(responseIds.stream(), Stream.of(responseId)).toList());
    }

    boolean awaitsResponse() {
        return responseIds.isEmpty();
    }
}
