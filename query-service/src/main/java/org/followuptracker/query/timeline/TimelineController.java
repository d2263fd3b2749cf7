package org.followuptracker.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.followuptracker.query.web.CountryCode;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A country's timeline: what we sent, what came back, what was found; and the letters still awaiting an answer. */
@RestController
class TimelineController {

    private final MongoTemplate mongo;
    private final Clock clock;

    TimelineController(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Operation(summary = "A country's timeline, in the order things happened, and its letters awaiting an answer")
    @GetMapping("/api/countries/{iso3}/timeline")
    Timeline timeline(@PathVariable String iso3) {
        String country = CountryCode.parse("iso3", iso3);
        List<Entry> entries = mongo.find(Query.query(Criteria.where("country").is(country))
                        .with(Sort.by("occurredOn", "recordedAt", "_id")), TimelineEntryDocument.class).stream()
                .map(Entry::of)
                .toList();
        LocalDate today = LocalDate.now(clock);
        List<OpenLetter> openLetters = mongo.find(Query.query(Criteria.where("country").is(country))
                        .with(Sort.by("sentOn", "_id")), LetterDocument.class).stream()
                .filter(LetterDocument::awaitsResponse)
                .map(letter -> OpenLetter.of(letter, today))
                .toList();
        return new Timeline(country, entries, openLetters);
    }

    record Timeline(String country, List<Entry> entries, List<OpenLetter> openLetters) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String eventId, String type, String occurredOn, Instant recordedAt, String summary, String letterId,
            List<String> recommendationIds, String responseId, String actor, String source,
            TimelineEntryDocument.Retraction retracted) {

        static Entry of(TimelineEntryDocument doc) {
            return new Entry(doc.eventId(), doc.type(), doc.occurredOn(), doc.recordedAt(), doc.summary(), doc.letterId(),
                    doc.recommendationIds(), doc.responseId(), doc.actor(), doc.source(), doc.retraction());
        }
    }

    record OpenLetter(String letterId, String sentOn, String responseDueBy, String subject, boolean overdue) {

        static OpenLetter of(LetterDocument letter, LocalDate today) {
            boolean overdue = letter.responseDueBy() != null && today.isAfter(LocalDate.parse(letter.responseDueBy()));
            return new OpenLetter(letter.letterId(), letter.sentOn(), letter.responseDueBy(), letter.subject(), overdue);
        }
    }
}
