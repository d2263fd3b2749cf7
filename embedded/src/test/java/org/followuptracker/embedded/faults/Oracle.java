package org.followuptracker.embedded.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.followuptracker.embedded.HttpService;
import org.followuptracker.events.EnvelopeCodec;
import org.followuptracker.events.EventEnvelope;

/**
 * Compares the three stores after a scenario:
 * <ul>
 *   <li>every command answered 2xx has exactly the events it causes in the event store, each once; a refused one has
 *       none, and no refusal is a server error other than 503; one that got no answer or a 503 (the store went
 *       away, perhaps after the commit reached it) has all of them or none, never a part;</li>
 *   <li>each aggregate's sequence numbers run from 0 without a gap;</li>
 *   <li>every stored event is on the Kafka topic (more than once is allowed), and nothing else is; each country's
 *       events are on one partition, each aggregate's in sequence order;</li>
 *   <li>the query side applied every event once, each country's in the order of its partition (its audit chain),
 *       and its read models equal a fresh rebuild from the topic.</li>
 * </ul>
 */
final class Oracle {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final EnvelopeCodec CODEC = new EnvelopeCodec();

    /** What the oracle found: the figures, and each guarantee broken (none when all hold). */
    record Verdict(List<String> broken, Map<String, Object> figures) {

        boolean holds() {
            return broken.isEmpty();
        }

        String summary() {
            return (holds() ? "oracle: all hold" : "oracle: BROKEN " + broken) + " " + figures;
        }
    }

    record StoredEvent(long globalIndex, String eventId, String aggregateId, long sequence, String type,
            String source) {
    }

    private record TopicEvent(int partition, long offset, String eventId, String country, String aggregateId,
            long sequence) {
    }

    private final Stores stack;
    private final List<String> broken = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    private Oracle(Stores stack) {
        this.stack = stack;
    }

    static Verdict check(Stores stack, List<Workload.Outcome> outcomes, HttpService queryService)
            throws Exception {
        return check(stack, outcomes, queryService, storedEvents(stack));
    }

    /** As above, with the events the event store held, read before (when it could not be read while it ran). */
    static Verdict check(Stores stack, List<Workload.Outcome> outcomes, HttpService queryService,
            List<StoredEvent> stored) throws Exception {
        Oracle oracle = new Oracle(stack);
        oracle.figures.put("stored", stored.size());
        oracle.checkCommands(outcomes, stored);
        oracle.checkSequences(stored);
        List<TopicEvent> topic = oracle.awaitTopic(stored);
        oracle.checkTopic(stored, topic);
        oracle.checkReadModels(stored, topic, queryService);
        return new Verdict(List.copyOf(oracle.broken), oracle.figures);
    }

    /** Waits until the query side has applied every event the event store holds now. */
    static void awaitApplied(Stores stack, HttpService queryService) throws Exception {
        long stored = new EventStoreProbe(stack).storedCount();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (applied(queryService) < stored) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the query side has not applied all " + stored + " events");
            }
            Thread.sleep(250);
        }
    }

    /**
     * How many events the query side has applied (their audit entries are under their country's head, not pending);
     * -1 before its read models exist or while it is away.
     */
    private static long applied(HttpService queryService) {
        Http.Answer answer = Http.get(queryService, "/api/audit/verification", "admin");
        return answer.ok() ? answer.json().get("entries").asLong() - answer.json().get("pending").asLong() : -1;
    }

    /** Every event the event store holds, in the order of their global index. */
    static List<StoredEvent> storedEvents(Stores stack) throws SQLException, IOException {
        List<StoredEvent> events = new ArrayList<>();
        try (Connection connection = stack.eventStore(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT globalindex, eventidentifier, aggregateidentifier, "
                        + "sequencenumber, payloadtype, metadata FROM domainevententry ORDER BY globalindex")) {
            while (rows.next()) {
                JsonNode metaData = Http.JSON.readTree(new String(rows.getBytes(6), StandardCharsets.UTF_8));
                String type = rows.getString(5);
                events.add(new StoredEvent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                        type.substring(type.lastIndexOf('.') + 1),
                        metaData.hasNonNull("source") ? metaData.get("source").asText() : null));
            }
        }
        return events;
    }

    private void checkCommands(List<Workload.Outcome> outcomes, List<StoredEvent> stored) {
        Map<String, List<StoredEvent>> bySource = stored.stream().filter(e -> e.source() != null)
                .collect(Collectors.groupingBy(StoredEvent::source));
        int accepted = 0;
        int refused = 0;
        int inDoubt = 0;
        int inDoubtRecorded = 0;
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Workload.Outcome outcome : outcomes) {
            statuses.merge(outcome.status(), 1, Integer::sum);
            Map<String, Integer> found = bySource.getOrDefault(outcome.source(), List.of()).stream()
                    .collect(Collectors.toMap(StoredEvent::type, e -> 1, Integer::sum, TreeMap::new));
            if (outcome.accepted()) {
                accepted++;
                if (!found.equals(new TreeMap<>(outcome.expectedEvents()))) {
                    broken.add(outcome.request() + " (" + outcome.source() + ") answered " + outcome.status()
                            + " must have " + outcome.expectedEvents() + " in the event store, has " + found);
                }
            } else if (outcome.inDoubt()) {
                inDoubt++;
                if (!found.isEmpty()) {
                    inDoubtRecorded++;
                    if (!found.equals(new TreeMap<>(outcome.expectedEvents()))) {
                        broken.add(outcome.request() + " (" + outcome.source() + ") answered " + answer(outcome)
                                + " and left a part: " + found + " of " + outcome.expectedEvents());
                    }
                }
            } else {
                refused++;
                if (outcome.status() >= 500) {
                    broken.add(outcome.request() + " (" + outcome.source() + ") failed with " + outcome.status()
                            + ": " + outcome.body());
                }
                if (!found.isEmpty()) {
                    broken.add(outcome.request() + " (" + outcome.source() + ") was refused with " + outcome.status()
                            + " but has events " + found);
                }
            }
        }
        figures.put("answers", statuses.entrySet().stream()
                .map(e -> (e.getKey() == Http.NO_ANSWER ? "none" : e.getKey()) + "x" + e.getValue())
                .collect(Collectors.joining(" ")));
        figures.put("accepted", accepted);
        if (refused > 0) {
            figures.put("refused", refused);
        }
        if (inDoubt > 0) {
            figures.put("in doubt, no answer or 503 (recorded whole / not at all)",
                    inDoubtRecorded + "/" + (inDoubt - inDoubtRecorded));
        }
    }

    private static String answer(Workload.Outcome outcome) {
        return outcome.unanswered() ? "nothing" : String.valueOf(outcome.status());
    }

    private void checkSequences(List<StoredEvent> stored) {
        Map<String, List<Long>> byAggregate = new HashMap<>();
        for (StoredEvent event : stored) {
            byAggregate.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event.sequence());
        }
        for (Map.Entry<String, List<Long>> aggregate : byAggregate.entrySet()) {
            List<Long> sequence = aggregate.getValue().stream().sorted().toList();
            for (int i = 0; i < sequence.size(); i++) {
                if (sequence.get(i) != i) {
                    broken.add("aggregate " + aggregate.getKey() + " has sequence numbers " + sequence
                            + ", not 0.." + (sequence.size() - 1));
                    break;
                }
            }
        }
        figures.put("aggregates (sequences gapless)", byAggregate.size());
    }

    /** Reads the topic until every stored event is on it (the relay may still be catching up). */
    private List<TopicEvent> awaitTopic(List<StoredEvent> stored) throws InterruptedException {
        Set<String> expected = stored.stream().map(StoredEvent::eventId).collect(Collectors.toSet());
        Instant deadline = Instant.now().plus(PATIENCE);
        Instant started = Instant.now();
        while (true) {
            List<TopicEvent> topic = readTopic();
            Set<String> onTopic = topic.stream().map(TopicEvent::eventId).collect(Collectors.toSet());
            if (onTopic.containsAll(expected) || Instant.now().isAfter(deadline)) {
                figures.put("relay caught up after", Duration.between(started, Instant.now()).toMillis() + " ms");
                return topic;
            }
            Thread.sleep(500);
        }
    }

    private List<TopicEvent> readTopic() {
        List<TopicEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : new TopicFaults(stack).messages()) {
            EventEnvelope envelope = CODEC.receive(record.value()).envelope();
            events.add(new TopicEvent(record.partition(), record.offset(), envelope.id(), envelope.country(),
                    envelope.aggregateId(), envelope.sequence()));
        }
        return events;
    }

    private void checkTopic(List<StoredEvent> stored, List<TopicEvent> topic) {
        Map<String, Long> copies = topic.stream().collect(Collectors.groupingBy(TopicEvent::eventId,
                Collectors.counting()));
        Set<String> storedIds = stored.stream().map(StoredEvent::eventId).collect(Collectors.toSet());
        long missing = storedIds.stream().filter(id -> !copies.containsKey(id)).count();
        if (missing > 0) {
            broken.add(missing + " stored events are not on the topic");
        }
        long strangers = copies.keySet().stream().filter(id -> !storedIds.contains(id)).count();
        if (strangers > 0) {
            broken.add(strangers + " events on the topic are not in the event store");
        }
        figures.put("on topic", topic.size() + " messages, " + copies.size() + " events, "
                + (topic.size() - copies.size()) + " duplicates");
        Map<String, Set<Integer>> partitionsOf = topic.stream().collect(Collectors.groupingBy(TopicEvent::country,
                Collectors.mapping(TopicEvent::partition, Collectors.toSet())));
        partitionsOf.forEach((country, partitions) -> {
            if (partitions.size() != 1) {
                broken.add(country + "'s events are on partitions " + partitions + ", not one");
            }
        });
        Map<String, Long> next = new HashMap<>();
        for (TopicEvent event : firstCopies(topic)) {
            long expected = next.getOrDefault(event.aggregateId(), 0L);
            if (event.sequence() != expected) {
                broken.add("on the topic, " + event.aggregateId() + "'s event " + event.sequence()
                        + " comes where " + expected + " should");
            }
            next.put(event.aggregateId(), Math.max(expected, event.sequence() + 1));
        }
    }

    /** The topic's events in partition order, each the first time it appears. */
    private static List<TopicEvent> firstCopies(List<TopicEvent> topic) {
        Map<String, TopicEvent> first = new LinkedHashMap<>();
        topic.stream()
                .sorted((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                        : Long.compare(a.offset(), b.offset()))
                .forEach(event -> first.putIfAbsent(event.eventId(), event));
        return List.copyOf(first.values());
    }

    private void checkReadModels(List<StoredEvent> stored, List<TopicEvent> topic, HttpService queryService)
            throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        Instant started = Instant.now();
        while (applied(queryService) < stored.size() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        // The audit heads are moved before the timeline and the applied marks are written: the application of the
        // last poll is over once its offsets are committed.
        new TopicFaults(stack).awaitConsumed(Duration.between(Instant.now(), deadline.plusSeconds(10)));
        JsonNode verification = Http.read(queryService, "/api/audit/verification");
        figures.put("projected after", Duration.between(started, Instant.now()).toMillis() + " ms");
        if (verification.get("entries").asLong() != stored.size()) {
            broken.add("the query side applied " + verification.get("entries").asLong() + " events of "
                    + stored.size());
        }
        if (!verification.get("valid").asBoolean()) {
            broken.add("the audit chains do not verify: " + verification);
        }
        Map<String, List<String>> topicOrder = firstCopies(topic).stream().collect(Collectors.groupingBy(
                TopicEvent::country, LinkedHashMap::new, Collectors.mapping(TopicEvent::eventId, Collectors.toList())));
        for (Map.Entry<String, List<String>> country : topicOrder.entrySet()) {
            JsonNode trail = Http.read(queryService, "/api/audit?country=" + country.getKey() + "&format=json");
            List<JsonNode> chain = new ArrayList<>();
            trail.forEach(chain::add);
            chain.sort((a, b) -> Long.compare(a.get("position").asLong(), b.get("position").asLong()));
            List<String> applied = chain.stream().map(e -> e.get("eventId").asText()).toList();
            if (!applied.equals(country.getValue())) {
                broken.add(country.getKey() + "'s events were applied in another order than its partition's");
            }
        }
        figures.put("countries (applied in partition order)", topicOrder.size());
        JsonNode check = Http.readPost(queryService, "/api/admin/read-model-checks");
        if (!check.get("equal").asBoolean()) {
            broken.add("the read models differ from a fresh rebuild: " + check.get("differenceCount") + " differences, "
                    + check.get("differences"));
        }
        long documents = 0;
        for (JsonNode count : check.get("documents")) {
            documents += count.asLong();
        }
        figures.put("read models = rebuild", check.get("equal").asBoolean() + " (" + documents + " documents)");
    }
}
