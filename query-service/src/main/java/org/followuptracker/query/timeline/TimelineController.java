package org.followuptracker.query.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.followuptracker.events.TrackerEvent;
import org.followuptracker.query.export.Export;
import org.followuptracker.query.letter.AwaitingLetter;
import org.followuptracker.query.letter.CountryLettersReads;
import org.followuptracker.query.store.DirectReadModel;
import org.followuptracker.query.store.IsoDays;
import org.followuptracker.query.store.Generations;
import org.followuptracker.query.web.AsOf;
import org.followuptracker.query.web.CountryCode;
import org.followuptracker.query.web.InvalidParameterException;
import org.followuptracker.query.web.Moments;
import org.followuptracker.query.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A country's timeline: what we sent, what came back, what was found; and the letters still awaiting an answer. */
@RestController
class TimelineController {

    static final Set<String> TYPES = Arrays.stream(TrackerEvent.class.getPermittedSubclasses())
            .map(Class::getSimpleName).collect(Collectors.toUnmodifiableSet());

    private final Generations generations;
    private final CountryLettersReads lettersReads;
    private final Clock clock;

    TimelineController(Generations generations, CountryLettersReads lettersReads, Clock clock) {
        this.generations = generations;
        this.lettersReads = lettersReads;
        this.clock = clock;
    }

    @Operation(summary = "A country's timeline, in the order things happened (retracted facts marked, not dropped), "
            + "with the letters awaiting an answer that the page's entries concern and how many of the country's "
            + "letters await one; as known at asOf (a date or instant; default now). Filters: type "
            + "(repeatable), from/to (days things happened), recommendation. format=csv|json exports every entry selected.")
    @GetMapping("/api/countries/{iso3}/timeline")
    ResponseEntity<?> timeline(@PathVariable String iso3, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) List<String> type, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String recommendation,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String format) {
        String country = CountryCode.parse("iso3", iso3);
        AsOf moment = AsOf.of(asOf, clock);
        boolean live = moment.live();
        Set<String> types = types(type);
        LocalDate fromDay = Moments.day("from", from);
        LocalDate toDay = Moments.day("to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw new InvalidParameterException("to", "must not be before from");
        }
        Paging paging = Paging.of(page, size);
        Export.Format export = Export.format(format);
        DirectReadModel readModel = generations.reading();

        TimelineIndex index = readModel.find(TimelineIndex.COLLECTION, country, TimelineIndex.class);
        List<TimelineIndex.MonthCount> months = index == null ? List.of() : index.months().stream()
                .filter(m -> fromDay == null || IsoDays.MONTH_ORDER.compare(m.month(), IsoDays.monthOf(fromDay)) >= 0)
                .filter(m -> toDay == null || IsoDays.MONTH_ORDER.compare(m.month(), IsoDays.monthOf(toDay)) <= 0)
                .toList();
        boolean unfiltered = live && types.isEmpty() && fromDay == null && toDay == null && recommendation == null;
        long total;
        List<Entry> entries;
        if (unfiltered && export == null) {
            // The months' counts tell which months hold the page: only those are read.
            total = months.stream().mapToLong(TimelineIndex.MonthCount::entries).sum();
            long skipped = 0;
            long cumulative = 0;
            List<TimelineIndex.MonthCount> needed = new ArrayList<>();
            for (TimelineIndex.MonthCount month : months) {
                long start = cumulative;
                cumulative += month.entries();
                if (cumulative > paging.offset() && start < paging.offset() + paging.size()) {
                    if (needed.isEmpty()) {
                        skipped = start;
                    }
                    needed.add(month);
                }
            }
            List<TimelineEntry> read = sorted(entriesOf(readModel, country, needed));
            int start = (int) Math.min(read.size(), paging.offset() - skipped);
            entries = read.subList(start, Math.min(read.size(), start + paging.size())).stream().map(Entry::of).toList();
        } else {
            List<TimelineEntry> selected = sorted(entriesOf(readModel, country, months).stream()
                    .map(entry -> live ? entry : entry.asOf(moment.knownAt()))
                    .filter(Objects::nonNull)
                    .filter(entry -> types.isEmpty() || types.contains(entry.type()))
                    .filter(entry -> fromDay == null || !LocalDate.parse(dayOf(entry)).isBefore(fromDay))
                    .filter(entry -> toDay == null || !LocalDate.parse(dayOf(entry)).isAfter(toDay))
                    .filter(entry -> recommendation == null || entry.recommendationIds().contains(recommendation))
                    .toList());
            if (export != null) {
                return Export.of(export, "timeline-" + country, selected.stream().map(Entry::of).toList(), Entry.COLUMNS,
                        Entry::cells);
            }
            total = selected.size();
            entries = paging.slice(selected).stream().map(Entry::of).toList();
        }
        // The page's letters still awaiting an answer, not the country's thousands: those are a list of their own.
        List<AwaitingLetter> awaiting = lettersReads.of(readModel, country).awaiting(moment);
        Set<String> onThePage = entries.stream().map(Entry::letterId).filter(Objects::nonNull).collect(Collectors.toSet());
        return ResponseEntity.ok(new Timeline(country, moment.given(), paging.page(), paging.size(), total, entries,
                awaiting.stream().filter(letter -> onThePage.contains(letter.letterId())).toList(), awaiting.size()));
    }

    private static Set<String> types(List<String> requested) {
        if (requested == null) {
            return Set.of();
        }
        for (String type : requested) {
            if (!TYPES.contains(type)) {
                throw new InvalidParameterException("type", "must be one of " + TYPES.stream().sorted().toList()
                        + ", not '" + (type.length() > 40 ? type.substring(0, 40) + "..." : type) + "'");
            }
        }
        return Set.copyOf(requested);
    }

    /** The entries of these months, every part of each. */
    private static List<TimelineEntry> entriesOf(DirectReadModel readModel, String country,
            List<TimelineIndex.MonthCount> months) {
        List<TimelineEntry> entries = new ArrayList<>();
        readModel.findAll(TimelineMonth.COLLECTION, months.stream().flatMap(month -> month.keys(country).stream()).toList(),
                TimelineMonth.class).forEach(month -> entries.addAll(month.entries()));
        return entries;
    }

    private static List<TimelineEntry> sorted(List<TimelineEntry> entries) {
        return entries.stream().sorted(Comparator.comparing(TimelineController::dayOf, IsoDays.DAY_ORDER)
                .thenComparing(TimelineEntry::recordedAt).thenComparing(TimelineEntry::eventId)).toList();
    }

    private static String dayOf(TimelineEntry entry) {
        return entry.occurredOn() != null ? entry.occurredOn()
                : LocalDate.ofInstant(entry.recordedAt(), ZoneOffset.UTC).toString();
    }

    /**
     * {@code openLetters}: the letters awaiting an answer that the page's entries concern; {@code openLettersTotal}: how
     * many of the country's letters await one ({@code /api/letters/awaiting?country=} lists them).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Timeline(String country, Instant asOf, int page, int size, long total, List<Entry> entries,
            List<AwaitingLetter> openLetters, int openLettersTotal) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String eventId, String type, String occurredOn, Instant recordedAt, String summary, String letterId,
            List<String> recommendationIds, String responseId, String actor, String source,
            TimelineEntry.Retraction retracted) {

        static final List<String> COLUMNS = List.of("occurredOn", "type", "summary", "retracted", "retractionReason",
                "letterId", "recommendationIds", "responseId", "actor", "source", "recordedAt", "eventId");

        static Entry of(TimelineEntry entry) {
            return new Entry(entry.eventId(), entry.type(), entry.occurredOn(), entry.recordedAt(), entry.summary(),
                    entry.letterId(), entry.recommendationIds(), entry.responseId(), entry.actor(), entry.source(),
                    entry.retraction());
        }

        List<Object> cells() {
            return java.util.Arrays.asList(occurredOn, type, summary, retracted != null,
                    retracted == null ? null : retracted.reason(), letterId, recommendationIds, responseId, actor, source,
                    recordedAt, eventId);
        }
    }
}
