package org.followuptracker.query.recommendation;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.followuptracker.events.UnSource;
import org.followuptracker.query.export.Export;
import org.followuptracker.query.store.DirectReadModel;
import org.followuptracker.query.store.Generations;
import org.followuptracker.query.web.CountryCode;
import org.followuptracker.query.web.InvalidParameterException;
import org.followuptracker.query.web.AsOf;
import org.followuptracker.query.web.NotFoundException;
import org.followuptracker.query.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The board: the recommendations made to a country (or to all), how often we urged each, and where each stands. */
@RestController
class RecommendationController {

    private final Generations generations;
    private final BoardReads boardReads;
    private final Clock clock;

    RecommendationController(Generations generations, BoardReads boardReads, Clock clock) {
        this.generations = generations;
        this.boardReads = boardReads;
        this.clock = clock;
    }

    @Operation(summary = "The board: recommendations with how often each was urged, the latest position taken on it "
            + "and its implementation status, as known at asOf; counts per status. Filters (each optional, matched "
            + "without regard to case): country, status, position, mechanism, theme, state (a recommending state), "
            + "symbol (a UN document symbol), q (words that its text, a source's symbol or a theme contain, all of "
            + "them), id (repeatable, up to 200: these recommendations). format=csv|json exports every recommendation "
            + "selected.")
    @GetMapping("/api/recommendations")
    ResponseEntity<?> board(@RequestParam(required = false) String country, @RequestParam(required = false) String status,
            @RequestParam(required = false) String position, @RequestParam(required = false) String mechanism,
            @RequestParam(required = false) String theme, @RequestParam(required = false) String state,
            @RequestParam(required = false) String symbol, @RequestParam(required = false) String q,
            @RequestParam(name = "id", required = false) List<String> ids, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String format) {
        String iso3 = country == null ? null : CountryCode.parse("country", country);
        AsOf moment = AsOf.of(asOf, clock);
        Paging paging = Paging.of(page, size);
        Export.Format export = Export.format(format);
        DirectReadModel readModel = generations.reading();
        List<RecommendationState> onTheBoard;
        if (ids != null && !ids.isEmpty()) {
            if (ids.size() > MOST_IDS) {
                throw new InvalidParameterException("id", "at most " + MOST_IDS + " ids at a time");
            }
            onTheBoard = CountryBoard.onTheBoard(readModel.findAll(RecommendationDocument.COLLECTION,
                    ids.stream().distinct().toList(), RecommendationDocument.class).stream()
                    .filter(doc -> iso3 == null || iso3.equals(doc.country())), moment.knownAt());
        } else if (iso3 != null) {
            onTheBoard = boardReads.of(readModel, iso3).asOf(moment);
        } else {
            onTheBoard = CountryBoard.onTheBoard(readModel.all(RecommendationDocument.COLLECTION,
                    RecommendationDocument.class).stream(), moment.knownAt());
        }
        Predicate<RecommendationState> others = matches(position, RecommendationState::latestPosition)
                .and(matches(mechanism, RecommendationState::mechanism))
                .and(any(theme, s -> s.themes()))
                .and(any(state, s -> s.sources().stream().flatMap(source -> source.recommendingStates().stream()).toList()))
                .and(any(symbol, s -> s.sources().stream().map(UnSource::symbol).filter(Objects::nonNull).toList()))
                .and(containsWords(q));
        List<RecommendationState> selectedButStatus = onTheBoard.stream().filter(others).toList();
        Map<String, Long> counts = new TreeMap<>(selectedButStatus.stream()
                .collect(Collectors.groupingBy(RecommendationState::implementationStatus, Collectors.counting())));
        List<RecommendationState> selected = selectedButStatus.stream()
                .filter(matches(status, RecommendationState::implementationStatus))
                .toList();
        if (export != null) {
            return Export.of(export, "board" + (iso3 == null ? "" : "-" + iso3),
                    selected.stream().map(RecommendationView::of).toList(), RecommendationView.COLUMNS,
                    RecommendationView::cells);
        }
        return ResponseEntity.ok(new Board(moment.given(), paging.page(), paging.size(),
                selected.size(), counts, paging.slice(selected).stream().map(RecommendationView::of).toList()));
    }

    @Operation(summary = "One recommendation as known at asOf, with its history: each urging, position and finding, "
            + "retracted ones marked")
    @GetMapping("/api/recommendations/{recommendationId}")
    RecommendationState recommendation(@PathVariable String recommendationId, @RequestParam(required = false) String asOf) {
        AsOf moment = AsOf.of(asOf, clock);
        RecommendationDocument doc = generations.reading().find(RecommendationDocument.COLLECTION, recommendationId,
                RecommendationDocument.class);
        RecommendationState state = doc == null ? null : doc.asOf(moment.knownAt());
        if (state == null) {
            throw new NotFoundException("recommendationId: no recommendation " + recommendationId
                    + (moment.live() ? "" : " was recorded by " + moment.given()));
        }
        return state;
    }

    private static Predicate<RecommendationState> matches(String wanted, java.util.function.Function<RecommendationState, String> field) {
        if (wanted == null || wanted.isBlank()) {
            return s -> true;
        }
        return s -> field.apply(s) != null && field.apply(s).equalsIgnoreCase(wanted.strip());
    }

    private static Predicate<RecommendationState> any(String wanted,
            java.util.function.Function<RecommendationState, List<String>> field) {
        if (wanted == null || wanted.isBlank()) {
            return s -> true;
        }
        String lower = wanted.strip().toLowerCase(Locale.ROOT);
        return s -> field.apply(s).stream().anyMatch(value -> value.toLowerCase(Locale.ROOT).equals(lower));
    }

    private static final int MOST_IDS = 200;

    /** Every word of {@code q} is in the text, a source's symbol or a theme (without regard to case). */
    private static Predicate<RecommendationState> containsWords(String q) {
        if (q == null || q.isBlank()) {
            return s -> true;
        }
        List<String> words = List.of(q.strip().toLowerCase(Locale.ROOT).split("\\s+"));
        return s -> {
            String searched = (s.text() + " " + String.join(" ", s.themes()) + " " + s.sources().stream()
                    .map(UnSource::symbol).filter(Objects::nonNull).collect(Collectors.joining(" ")))
                    .toLowerCase(Locale.ROOT);
            return words.stream().allMatch(searched::contains);
        };
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Board(Instant asOf, int page, int size, long total, Map<String, Long> counts,
            List<RecommendationView> recommendations) {
    }

    /** One recommendation as a reader sees it on the board. */
    record RecommendationView(
            String recommendationId,
            String country,
            String text,
            String mechanism,
            List<UnSource> sources,
            List<String> themes,
            int timesUrged,
            String firstUrgedOn,
            String lastUrgedOn,
            String latestPosition,
            String latestPositionOn,
            String implementationStatus,
            String implementationAssessedOn) {

        static final List<String> COLUMNS = List.of("country", "text", "mechanism", "sources", "recommendingStates",
                "themes", "timesUrged", "firstUrgedOn", "lastUrgedOn", "latestPosition", "latestPositionOn",
                "implementationStatus", "implementationAssessedOn", "recommendationId");

        static RecommendationView of(RecommendationState s) {
            return new RecommendationView(s.recommendationId(), s.country(), s.text(), s.mechanism(), s.sources(),
                    s.themes(), s.timesUrged(), s.firstUrgedOn(), s.lastUrgedOn(), s.latestPosition(),
                    s.latestPositionOn(), s.implementationStatus(), s.implementationAssessedOn());
        }

        List<Object> cells() {
            return Arrays.asList(country, text, mechanism,
                    sources.stream().map(s -> s.symbol() + (s.paragraph() == null ? "" : " para " + s.paragraph())).toList(),
                    sources.stream().flatMap(s -> s.recommendingStates().stream()).distinct().toList(), themes, timesUrged,
                    firstUrgedOn, lastUrgedOn, latestPosition, latestPositionOn, implementationStatus,
                    implementationAssessedOn, recommendationId);
        }
    }
}
