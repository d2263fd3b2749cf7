package org.followuptracker.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.followuptracker.events.EventTypes;
import org.followuptracker.query.export.Export;
import org.followuptracker.query.store.DirectReadModel;
import org.followuptracker.query.store.Generations;
import org.followuptracker.query.web.CountryCode;
import org.followuptracker.query.web.InvalidParameterException;
import org.followuptracker.query.web.Moments;
import org.followuptracker.query.web.Paging;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, for auditors and admins: every event, who recorded it, when, from what source, in full. */
@RestController
class AuditController {

    private final Generations generations;
    private final AuditVerifier verifier;
    private final ObjectMapper json;

    AuditController(Generations generations, AuditVerifier verifier, ObjectMapper json) {
        this.generations = generations;
        this.verifier = verifier;
        this.json = json;
    }

    @Operation(summary = "Every event in the order recorded, with actor, recordedAt, occurredOn, source, payload and "
            + "its hash-chain link. Filters: actor, country, type (LetterSent or org.followuptracker.LetterSent), "
            + "from/to (when recorded: a date or an instant). format=csv|json exports every entry selected.")
    @GetMapping("/api/audit")
    ResponseEntity<?> trail(@RequestParam(required = false) String actor, @RequestParam(required = false) String country,
            @RequestParam(required = false) String type, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String format,
            HttpServletResponse response) throws IOException {
        Criteria criteria = new Criteria();
        if (actor != null && !actor.isBlank()) {
            criteria.and("actor").is(actor.strip());
        }
        if (country != null) {
            criteria.and("country").is(CountryCode.parse("country", country));
        }
        if (type != null && !type.isBlank()) {
            criteria.and("type").is(eventType(type.strip()));
        }
        Instant fromMoment = Moments.instant("from", from, false);
        Instant toMoment = Moments.instant("to", to, true);
        if (fromMoment != null && toMoment != null && toMoment.isBefore(fromMoment)) {
            throw new InvalidParameterException("to", "must not be before from");
        }
        if (fromMoment != null || toMoment != null) {
            Criteria recorded = criteria.and("recordedAtTime");
            if (fromMoment != null) {
                recorded.gte(fromMoment);
            }
            if (toMoment != null) {
                recorded.lte(toMoment);
            }
        }
        Paging paging = Paging.of(page, size);
        Export.Format export = Export.format(format);
        DirectReadModel readModel = generations.reading();
        // Paged, counted and exported by the store, never held whole: a million entries do not fit in the heap.
        Query selected = Query.query(criteria).with(Sort.by("recordedAtTime", "country", "position"));
        if (export != null) {
            Export.stream(export, "audit-trail", COLUMNS, (Entry e) -> Arrays.asList(e.recordedAt(), e.actor(),
                    e.country(), e.type(), e.occurredOn(), e.source(), e.aggregateType(), e.aggregateId(), e.sequence(),
                    e.revision(), e.payload().toString(), e.eventId(), e.position(), e.previousHash(), e.hash()),
                    each -> readModel.forEach(AuditEntry.COLLECTION, selected, AuditEntry.class,
                            entry -> each.accept(entry(entry))), json, response);
            return null;
        }
        long total = readModel.count(AuditEntry.COLLECTION, selected);
        List<Entry> entries = paging.offset() >= total ? List.of()
                : readModel.find(AuditEntry.COLLECTION, Query.of(selected).skip(paging.offset()).limit(paging.size()),
                        AuditEntry.class).stream().map(this::entry).toList();
        return ResponseEntity.ok(new Trail(paging.page(), paging.size(), total, entries));
    }

    @Operation(summary = "Walks every country's audit chain, recomputing each hash: reports the first broken link of "
            + "each country, and each chain's head hash; whether every chain extends the last signed checkpoint; and "
            + "whether the chains hold the event store's events (the command service is asked with the caller's "
            + "credentials)")
    @GetMapping("/api/audit/verification")
    AuditVerification verification(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
            String authorization) {
        return verifier.verify(authorization);
    }

    private static String eventType(String type) {
        String full = type.contains(".") ? type : EventTypes.PREFIX + type;
        if (EventTypes.classOf(full).isEmpty()) {
            throw new InvalidParameterException("type", "is no event type: '" + (type.length() > 60 ? type.substring(0, 60) : type) + "'");
        }
        return full;
    }

    private Entry entry(AuditEntry e) {
        JsonNode payload;
        try {
            payload = json.readTree(e.payload());
        } catch (java.io.IOException unreadable) {
            payload = json.getNodeFactory().textNode(e.payload());
        }
        return new Entry(e.eventId(), e.country(), e.position(), e.type(), e.aggregateType(), e.aggregateId(),
                e.sequence(), e.revision(), e.actor(), e.source(), e.recordedAt(), e.occurredOn(), payload,
                e.previousHash(), e.hash());
    }

    private static final List<String> COLUMNS = List.of("recordedAt", "actor", "country", "type", "occurredOn",
            "source", "aggregateType", "aggregateId", "sequence", "revision", "payload", "eventId", "chainPosition",
            "previousHash", "hash");

    record Trail(int page, int size, long total, List<Entry> entries) {
    }

    record Entry(String eventId, String country, long position, String type, String aggregateType, String aggregateId,
            long sequence, String revision, String actor, String source, String recordedAt, String occurredOn,
            JsonNode payload, String previousHash, String hash) {
    }
}
