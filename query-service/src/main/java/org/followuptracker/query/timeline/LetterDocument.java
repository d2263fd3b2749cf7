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
        List<String> responseIds,
        List<DueDate> dueDates,
        boolean retracted,
        List<String> retractedFacts) {

    /** A due date the letter was given (null: withdrawn), by the event that gave it. */
    record DueDate(String eventId, String dueBy) {
    }

    LetterDocument {
        responseIds = responseIds == null ? List.of() : responseIds;
        dueDates = dueDates == null ? List.of() : dueDates;
        retractedFacts = retractedFacts == null ? List.of() : retractedFacts;
    }

    /** The due date given by {@code eventId}; given again (a redelivery), it changes nothing. */
    LetterDocument dueBy(String eventId, String newDueBy) {
        if (retractedFacts.contains(eventId) || dueDates.stream().anyMatch(due -> due.eventId().equals(eventId))) {
            return this;
        }
        List<DueDate> changed = Stream.concat(dueDates.stream(), Stream.of(new DueDate(eventId, newDueBy))).toList();
        return new LetterDocument(letterId, country, sentOn, newDueBy, subject, responseIds, changed, retracted,
                retractedFacts);
    }

    /** Answered by the response {@code responseId} (event {@code eventId}); again, or once retracted, nothing. */
    LetterDocument answeredBy(String eventId, String responseId) {
        if (retractedFacts.contains(eventId) || responseIds.contains(responseId)) {
            return this;
        }
        return new LetterDocument(letterId, country, sentOn, responseDueBy, subject,
                Stream.concat(responseIds.stream(), Stream.of(responseId)).toList(), dueDates, retracted, retractedFacts);
    }

    /** Undoes what a retracted fact did: the letter itself, a response, or a due date (the one before holds again). */
    LetterDocument without(String retractedEventId, String retractedType, String retractedResponseId) {
        if (retractedFacts.contains(retractedEventId)) {
            return this;
        }
        List<String> facts = Stream.concat(retractedFacts.stream(), Stream.of(retractedEventId)).toList();
        if (retractedType.equals("LetterSent")) {
            return new LetterDocument(letterId, country, sentOn, responseDueBy, subject, responseIds, dueDates, true, facts);
        }
        List<String> responses = responseIds.stream().filter(id -> !id.equals(retractedResponseId)).toList();
        List<DueDate> dues = dueDates.stream().filter(due -> !retractedEventId.equals(due.eventId())).toList();
        // Only a retracted due date changes the due date (a letter stored before due dates were kept has none listed).
        String due = dues.size() == dueDates.size() ? responseDueBy
                : dues.isEmpty() ? null : dues.get(dues.size() - 1).dueBy();
        return new LetterDocument(letterId, country, sentOn, due, subject, responses, dues, retracted, facts);
    }

    boolean awaitsResponse() {
        return responseIds.isEmpty() && !retracted;
    }
}
