package org.followuptracker.embedded.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.followuptracker.embedded.ServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guarantees under faults: each scenario runs a whole tracker ({@link TrackerStack}), sends a stream of
 * commands, injects its fault, and lets the {@link Oracle} compare the three stores. Each prints one line: what was
 * injected and what the oracle found; the lines are also kept in {@code target/fault-injection-report.txt}.
 */
class FaultInjectionIT {

    private static final Path REPORT = Path.of("target", "fault-injection-report.txt");

    @BeforeAll
    static void newReport() throws IOException {
        Files.deleteIfExists(REPORT);
    }

    @Test
    void kafkaStopsInTheMiddleOfAStreamOfCommandsAndComesBack() throws Exception {
        try (TrackerStack stack = new TrackerStack("kafka-outage")) {
            ServiceProcess commands = stack.startCommandService();
            ServiceProcess queries = stack.startQueryService();
            Workload workload = new Workload("kafka-outage", 1);
            workload.stream(2, 10, () -> commands);

            stack.stopKafka();
            Instant stopped = Instant.now();
            workload.stream(2, 10, () -> commands);
            long acceptedWhileAway = workload.outcomes().subList(20, 40).stream()
                    .filter(Workload.Outcome::accepted).count();
            sleepUntil(stopped.plusSeconds(10));
            stack.startKafka();
            long away = Duration.between(stopped, Instant.now()).toSeconds();
            workload.stream(2, 10, () -> commands);

            Oracle.Verdict verdict = Oracle.check(stack, workload.outcomes(), queries);
            report("1 Kafka stops mid-stream", "broker stopped for " + away + " s after 20 of 60 commands; "
                    + acceptedWhileAway + " of the 20 sent meanwhile accepted", verdict);
            assertThat(acceptedWhileAway).as("commands accepted while Kafka was away").isEqualTo(20);
            assertThat(workload.outcomes()).allMatch(Workload.Outcome::accepted);
            assertThat(verdict.broken()).isEmpty();
        }
    }

    @Test
    void theQuerySideDiesAfterWritingToMongoDbAndBeforeCommittingItsOffsetAndRestarts() throws Exception {
        try (TrackerStack stack = new TrackerStack("query-dies")) {
            ServiceProcess commands = stack.startCommandService();
            ServiceProcess queries = stack.startQueryService();
            Workload workload = new Workload("query-dies", 2);
            TopicFaults topic = new TopicFaults(stack);
            workload.stream(2, 10, () -> commands);
            Oracle.awaitApplied(stack, queries);

            // Killed in the middle of writing a poll (the timeline written, the marks that say "applied" not yet),
            // then, after a restart, right after the last write of a poll.
            StringBuilder injected = new StringBuilder();
            for (String heldAfter : List.of("_timeline", "_applied_events")) {
                stack.mongoTrap.arm(heldAfter);
                workload.sendLetter(commands, "KAZ");
                assertThat(stack.mongoTrap.awaitHeld(Duration.ofSeconds(60))).as("the query side wrote").isTrue();
                queries.kill();
                stack.mongoTrap.release();
                long behind = topic.lag();
                injected.append("killed (SIGKILL) right after writing *").append(heldAfter)
                        .append(", offsets ").append(behind).append(" behind; ");
                assertThat(behind).as("offsets not committed for what was written").isPositive();
                queries = stack.startQueryService();
            }
            workload.stream(2, 5, () -> commands);

            Oracle.Verdict verdict = Oracle.check(stack, workload.outcomes(), queries);
            report("2 Query side dies between its MongoDB write and its offset commit", injected + "restarted each time",
                    verdict);
            assertThat(workload.outcomes()).allMatch(Workload.Outcome::accepted);
            assertThat(verdict.broken()).isEmpty();
        }
    }

    @Test
    void fivePercentOfEventsAreDeliveredTwiceOrReplayedFromAnEarlierOffset() throws Exception {
        try (TrackerStack stack = new TrackerStack("duplicates")) {
            ServiceProcess commands = stack.startCommandService();
            ServiceProcess queries = stack.startQueryService();
            Workload workload = new Workload("duplicates", 3);
            TopicFaults topic = new TopicFaults(stack);
            workload.stream(2, 40, () -> commands);
            Oracle.awaitApplied(stack, queries);
            topic.awaitConsumed(Duration.ofMinutes(1));
            Map<String, String> before = ReadViews.snapshot(queries);

            int duplicated = topic.duplicate(0.05, 3);
            topic.awaitConsumed(Duration.ofMinutes(1));
            queries.close();
            long replayed = topic.rewind(0.05);
            queries = stack.startQueryService();
            topic.awaitConsumed(Duration.ofMinutes(1));
            Map<String, String> after = ReadViews.snapshot(queries);

            Oracle.Verdict verdict = Oracle.check(stack, workload.outcomes(), queries);
            report("3 Duplicates and replays", duplicated + " of " + (topic.messages().size() - duplicated)
                    + " messages sent twice, then offsets moved back over " + replayed + " messages; the "
                    + before.size() + " views " + (before.equals(after) ? "unchanged" : "CHANGED"), verdict);
            assertThat(duplicated).isPositive();
            assertThat(replayed).isPositive();
            assertThat(after).isEqualTo(before);
            assertThat(workload.outcomes()).allMatch(Workload.Outcome::accepted);
            assertThat(verdict.broken()).isEmpty();
        }
    }

    @Test
    void theEventStoreBecomesUnreachableAndComesBack() throws Exception {
        try (TrackerStack stack = new TrackerStack("store-away")) {
            ServiceProcess commands = stack.startCommandService();
            ServiceProcess queries = stack.startQueryService();
            Workload workload = new Workload("store-away", 4);
            workload.stream(2, 5, () -> commands);

            // The line is cut while commands are in flight, and stays cut for a while.
            Thread stream = new Thread(() -> {
                try {
                    workload.stream(2, 12, () -> commands);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stream.start();
            awaitOutcomes(workload, 16, stream);
            stack.postgres.cut();
            List<Long> refusalMillis = new ArrayList<>();
            List<Http.Answer> refusals = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                Workload.Outcome refused = workload.sendLetter(commands, "KGZ");
                refusalMillis.add((System.nanoTime() - started) / 1_000_000);
                refusals.add(new Http.Answer(refused.status(), refused.body()));
            }
            stream.join();
            long refusedInStream = workload.outcomes().stream().filter(o -> o.status() == 503).count() - 3;
            stack.postgres.restore();
            // The pool reconnects at its own pace (it backs off while the store is away): a command in that moment
            // waits its 5 s for a connection and may still get a 503. Once the service's health sees the database
            // again, every command must succeed.
            long restored = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() ->
                    "UP".equals(Http.get(commands, "/actuator/health", "admin").json()
                            .path("components").path("db").path("status").asText()));
            long storeSeenAfter = (System.nanoTime() - restored) / 1_000_000;
            int beforeReturn = workload.outcomes().size();
            workload.stream(2, 5, () -> commands);

            Oracle.Verdict verdict = Oracle.check(stack, workload.outcomes(), queries);
            long acceptedAfter = workload.outcomes().subList(beforeReturn, workload.outcomes().size()).stream()
                    .filter(Workload.Outcome::accepted).count();
            report("4 Event store unreachable", "connections to PostgreSQL cut after 16 of 47 commands, with 2 "
                    + "clients sending (" + refusedInStream + " of their commands refused with 503); 3 letters sent "
                    + "meanwhile answered " + refusals.stream().map(Http.Answer::status).toList() + " in "
                    + refusalMillis + " ms; the service's health saw the database " + storeSeenAfter + " ms after it "
                    + "returned; then " + acceptedAfter + " of 10 accepted", verdict);
            for (Http.Answer refusal : refusals) {
                assertThat(refusal.status()).isEqualTo(503);
                assertThat(refusal.json().get("type").asText()).endsWith("/store-unavailable");
            }
            assertThat(workload.outcomes()).allMatch(o -> o.accepted() || o.status() == 503,
                    "accepted, or refused with 503");
            assertThat(acceptedAfter).isEqualTo(10);
            assertThat(verdict.broken()).isEmpty();
        }
    }

    @Test
    void fiftyConcurrentCommandsOnOneLetter() throws Exception {
        try (TrackerStack stack = new TrackerStack("one-letter")) {
            // Two instances, as a user who outgrew one machine runs them: within one, Axon queues the commands on
            // an aggregate; between two, only the event store's unique sequence numbers stand in the way.
            List<ServiceProcess> commands = List.of(stack.startCommandService(), stack.startCommandService());
            ServiceProcess queries = stack.startQueryService();
            Workload workload = new Workload("one-letter", 5);
            Workload.Outcome sent = workload.sendLetter(commands.get(0), "TKM");
            Workload.SentLetter letter = workload.letters().get(0);

            CountDownLatch start = new CountDownLatch(1);
            List<Thread> clients = new ArrayList<>();
            Map<String, LocalDate> dueDates = new ConcurrentHashMap<>();
            for (int i = 0; i < 50; i++) {
                ServiceProcess service = commands.get(i % 2);
                LocalDate dueBy = LocalDate.of(2026, 1, 1).plusDays(i);
                Thread client = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    dueDates.put(workload.followUp(service, letter, dueBy).source(), dueBy);
                });
                client.start();
                clients.add(client);
            }
            start.countDown();
            for (Thread client : clients) {
                client.join();
            }

            List<Workload.Outcome> followUps = workload.outcomes().subList(1, 51);
            long accepted = followUps.stream().filter(Workload.Outcome::accepted).count();
            long conflicts = followUps.stream().filter(o -> o.status() == 409).count();
            // The serial order the event store chose: the letter's events by sequence number.
            List<String> sources = new EventStoreProbe(stack).sourcesInSequence(letter.letterId());
            assertThat(accepted).as("follow-ups accepted").isPositive();
            assertThat(sources).as("the letter's history: sent, then the follow-ups").hasSizeGreaterThan(1);
            LocalDate lastDueBy = dueDates.get(sources.get(sources.size() - 1));
            Oracle.Verdict verdict = Oracle.check(stack, workload.outcomes(), queries);
            JsonNode awaiting = Http.read(queries, "/api/letters/awaiting?country=TKM")
                    .get("letters").get(0);

            report("5 Fifty concurrent commands on one letter", "50 follow-ups at once through 2 command services: "
                    + accepted + " accepted, " + conflicts + " refused with 409; the letter's history has "
                    + sources.size() + " events; the read model shows " + awaiting.get("followUps") + " follow-ups, "
                    + "due by " + awaiting.get("responseDueBy").asText() + " (the last in sequence order: " + lastDueBy
                    + ")", verdict);
            assertThat(sent.accepted()).isTrue();
            assertThat(followUps).allMatch(o -> o.accepted() || o.status() == 409, "accepted, or refused with 409");
            assertThat(sources.subList(1, sources.size())).containsExactlyInAnyOrderElementsOf(followUps.stream()
                    .filter(Workload.Outcome::accepted).map(Workload.Outcome::source).toList());
            assertThat(awaiting.get("followUps").asLong()).isEqualTo(accepted);
            assertThat(awaiting.get("responseDueBy").asText()).isEqualTo(lastDueBy.toString());
            assertThat(verdict.broken()).isEmpty();
        }
    }

    @Test
    void theRelayDiesBetweenKafkasAckAndItsTokenUpdate() throws Exception {
        try (TrackerStack stack = new TrackerStack("relay-dies")) {
            ServiceProcess commands = stack.startCommandService();
            ServiceProcess queries = stack.startQueryService();
            Workload workload = new Workload("relay-dies", 6);
            TopicFaults topic = new TopicFaults(stack);
            workload.stream(2, 5, () -> commands);
            Oracle.awaitApplied(stack, queries);

            // The relay's token update that covers the letter waits at its commit (a deferred trigger sleeps there),
            // after the batch's sends were acknowledged; the process is killed while it waits, so the update never
            // happens. Until the trigger is in place, token updates wait on a lock, so that none slips past it.
            EventStoreProbe store = new EventStoreProbe(stack);
            Workload.Outcome letter;
            Set<String> letterEvents;
            try (EventStoreProbe.RelayPause pause = store.pauseRelayTokenUpdates()) {
                letter = workload.sendLetter(commands, "AZE");
                letterEvents = store.eventIdsOf(letter.source());
                assertThat(letterEvents).as("the letter's events (it answered %d)", letter.status()).isNotEmpty();
                pause.holdCommitsReaching(store.lastGlobalIndexOf(letter.source()));
            }
            Instant deadline = Instant.now().plusSeconds(120);
            boolean sent = false;
            boolean held = false;
            while (!(sent && held)) {
                assertThat(Instant.now()).as("the relay sent the letter's %d events (%s) and waits at its token's "
                        + "commit (%s); the letter answered %d", letterEvents.size(), sent, held, letter.status())
                        .isBefore(deadline);
                Thread.sleep(100);
                sent = topic.copiesOfEvents().keySet().containsAll(letterEvents);
                held = store.relayTokenCommitHeld();
            }
            commands.kill();
            // The database notices its client is gone; the held transaction rolls back.
            store.endHeldCommits();
            // The relay may have split the letter's events over batches: those up to its stored token were sent once
            // and stay done; those past it (the held batch) are sent again.
            long storedToken = store.relayTokenIndex();
            Map<String, Long> globalIndexes = store.globalIndexesOf(letter.source());
            ServiceProcess restarted = stack.startCommandService();
            workload.stream(2, 5, () -> restarted);

            Oracle.Verdict verdict = Oracle.check(stack, workload.outcomes(), queries);
            Map<String, Long> copies = topic.copiesOfEvents().entrySet().stream()
                    .filter(event -> letterEvents.contains(event.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            report("6 Relay dies between Kafka's ack and its token update", "killed (SIGKILL) with the "
                    + letterEvents.size() + " events of a letter acknowledged by Kafka and the token's commit held; "
                    + "restarted: those events are on the topic " + copies.values() + " times (once up to the "
                    + "relay's stored token, twice past it)", verdict);
            assertThat(copies).hasSize(letterEvents.size()).allSatisfy((id, count) -> assertThat(count)
                    .as("copies of event %s at %d, the stored token at %d", id, globalIndexes.get(id), storedToken)
                    .isEqualTo(globalIndexes.get(id) > storedToken ? 2 : 1));
            assertThat(copies.values()).as("the held batch was published again").contains(2L);
            assertThat(workload.outcomes()).allMatch(Workload.Outcome::accepted);
            assertThat(verdict.broken()).isEmpty();
        }
    }

    @Test
    void twoInstancesOfEachServiceAndOneOfEachIsKilledMidStream() throws Exception {
        try (TrackerStack stack = new TrackerStack("scale-out")) {
            List<ServiceProcess> commandServices = new CopyOnWriteArrayList<>(
                    List.of(stack.startCommandService(), stack.startCommandService()));
            ServiceProcess firstQueries = stack.startQueryService();
            Workload workload = new Workload("scale-out", 7);
            AtomicInteger turn = new AtomicInteger();
            Supplier<ServiceProcess> anyCommandService =
                    () -> commandServices.get(Math.floorMod(turn.getAndIncrement(), commandServices.size()));
            workload.stream(2, 5, anyCommandService);
            Oracle.awaitApplied(stack, firstQueries);
            ServiceProcess secondQueries = stack.startQueryService();
            Map<String, Integer> split = awaitGroupOf(stack, 2);
            ServiceProcess relayOwner = relayOwner(stack, commandServices);

            Thread stream = new Thread(() -> {
                try {
                    workload.stream(2, 40, anyCommandService);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stream.start();
            awaitOutcomes(workload, 40, stream);
            commandServices.remove(relayOwner);
            relayOwner.kill();
            firstQueries.kill();
            stream.join();
            ServiceProcess survivor = commandServices.get(0);
            Oracle.Verdict verdict = Oracle.check(stack, workload.outcomes(), secondQueries);
            ServiceProcess newOwner = relayOwner(stack, commandServices);
            Map<String, Integer> after = awaitGroupOf(stack, 1);

            report("7 Scale-out: two of each, one of each killed", "relay claimed by " + relayOwner.name()
                    + " only, partitions split " + split.values() + "; after 40 of 90 commands killed (SIGKILL) "
                    + relayOwner.name() + " and " + firstQueries.name() + ": relay taken over by " + newOwner.name()
                    + ", partitions " + after.values(), verdict);
            assertThat(split).hasSize(2).allSatisfy((member, partitions) -> assertThat(partitions).isPositive());
            assertThat(newOwner).isSameAs(survivor);
            // Two clients may change one letter through the two instances at once: the later one gets 409.
            assertThat(workload.outcomes()).allMatch(o -> o.accepted() || o.status() == 409
                    || (o.unanswered() && o.instance().equals(relayOwner.name())),
                    "accepted, refused with 409, or unanswered by the instance killed");
            assertThat(verdict.broken()).isEmpty();
        }
    }

    @Test
    void theWholeEmbeddedDefaultIsKilledUnderLoadThreeTimesAndStartedAgain() throws Exception {
        try (EmbeddedDefault tracker = new EmbeddedDefault("whole-default")) {
            tracker.start();
            Workload workload = new Workload("whole-default", 8);
            java.util.Random moments = new java.util.Random(8);
            StringBuilder injected = new StringBuilder();
            for (int crash = 1; crash <= 3; crash++) {
                int before = workload.outcomes().size();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> clients = workload.streamUntil(4, stop, tracker::commandService);
                long after = 3_000 + moments.nextInt(6_000);
                Thread.sleep(after);
                tracker.killAll();
                stop.set(true);
                for (Thread client : clients) {
                    client.join();
                }
                List<Workload.Outcome> these = workload.outcomes().subList(before, workload.outcomes().size());
                injected.append("killed (SIGKILL, launcher and every service) ").append(after).append(" ms into 4 ")
                        .append("clients' load, ").append(these.stream().filter(Workload.Outcome::accepted).count())
                        .append(" accepted; ");
                tracker.start();
            }
            workload.stream(2, 10, tracker::commandService);

            Oracle.Verdict verdict = Oracle.check(tracker, workload.outcomes(), tracker.queryService());
            report("8 The whole embedded default is killed under load, three times", injected
                    + "started again on its data each time", verdict);
            assertThat(workload.outcomes()).allMatch(o -> o.accepted() || o.inDoubt(),
                    "accepted, or unanswered when the tracker was killed");
            assertThat(verdict.broken()).isEmpty();
        }
    }

    @Test
    void theProcessOfTheBrokerAndTheReadStoreIsKilledAloneAndStartedAgain() throws Exception {
        try (TrackerStack stack = new TrackerStack("stores-killed", true)) {
            ServiceProcess commands = stack.startCommandService();
            ServiceProcess queries = stack.startQueryService();
            Workload workload = new Workload("stores-killed", 9);
            workload.stream(2, 10, () -> commands);
            Oracle.awaitApplied(stack, queries);

            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = workload.streamUntil(2, stop, () -> commands);
            // Killed under load: once the clients have had some 150 commands answered (about 4 s here).
            awaitOutcomes(workload, workload.outcomes().size() + 150, clients.get(0));
            stack.killStores();
            int acceptedBefore = (int) workload.outcomes().stream().filter(Workload.Outcome::accepted).count();
            // The fault itself: the broker and the read store stay away this long, while the services run on.
            Thread.sleep(3_000);
            stack.startStores();
            // The load goes on over their return.
            awaitOutcomes(workload, workload.outcomes().size() + 50, clients.get(0));
            stop.set(true);
            for (Thread client : clients) {
                client.join();
            }
            workload.stream(2, 5, () -> commands);

            Oracle.Verdict verdict = Oracle.check(stack, workload.outcomes(), queries);
            report("9 The process of the broker and the read store is killed alone", "killed (SIGKILL) with "
                    + acceptedBefore + " commands accepted, under the load of 2 clients, started again on its files 3 s "
                    + "later; the services ran on", verdict);
            assertThat(workload.outcomes()).allMatch(Workload.Outcome::accepted);
            assertThat(verdict.broken()).isEmpty();
        }
    }

    @Test
    void theCommandServiceOnH2IsKilledUnderLoadThreeTimes() throws Exception {
        try (TrackerStack stack = new TrackerStack("command-on-h2-killed")) {
            AtomicReference<ServiceProcess> commands = new AtomicReference<>(stack.startCommandServiceOnH2());
            ServiceProcess queries = stack.startQueryService();
            Workload workload = new Workload("command-on-h2-killed", 10);
            java.util.Random moments = new java.util.Random(10);
            StringBuilder injected = new StringBuilder();
            for (int crash = 1; crash <= 3; crash++) {
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> clients = workload.streamUntil(4, stop, commands::get);
                long after = 2_000 + moments.nextInt(5_000);
                Thread.sleep(after);
                commands.get().kill();
                stop.set(true);
                for (Thread client : clients) {
                    client.join();
                }
                injected.append("killed (SIGKILL) ").append(after).append(" ms into 4 clients' load; ");
                commands.set(stack.startCommandServiceOnH2());
            }
            workload.stream(2, 10, commands::get);

            Oracle.Verdict verdict = Oracle.check(stack, workload.outcomes(), queries);
            report("10 The command service on H2 is killed under load, three times", injected
                    + "started again on its file each time", verdict);
            assertThat(workload.outcomes()).allMatch(o -> o.accepted() || o.inDoubt(),
                    "accepted, or unanswered when the command service was killed");
            assertThat(verdict.broken()).isEmpty();
        }
    }

    /** Waits until {@code count} commands have been answered by the stream running in the background. */
    private static void awaitOutcomes(Workload workload, int count, Thread stream) {
        await(count + " commands answered").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10))
                .failFast("the stream of commands stopped sending",
                        () -> !stream.isAlive() && workload.outcomes().size() < count)
                .until(() -> workload.outcomes().size() >= count);
    }

    /** The query-service instances in the consumer group, once it has {@code members}, with their partition counts. */
    private static Map<String, Integer> awaitGroupOf(TrackerStack stack, int members) throws Exception {
        TopicFaults topic = new TopicFaults(stack);
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Map<String, Integer> split = topic.groupMembers();
            if (split.size() == members && split.values().stream().mapToInt(Integer::intValue).sum() == 12) {
                return split;
            }
            assertThat(Instant.now()).as("the group has " + members + " members sharing the partitions: " + split)
                    .isBefore(deadline);
            Thread.sleep(250);
        }
    }

    /** The command service whose relay holds the token. */
    private static ServiceProcess relayOwner(TrackerStack stack, List<ServiceProcess> candidates) throws Exception {
        EventStoreProbe store = new EventStoreProbe(stack);
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Optional<String> owner = store.relayOwner();
            for (ServiceProcess candidate : candidates) {
                if (owner.isPresent() && owner.get().startsWith(candidate.pid() + "@")) {
                    return candidate;
                }
            }
            assertThat(Instant.now()).as("one of " + candidates + " claims the relay").isBefore(deadline);
            Thread.sleep(250);
        }
    }

    private static void report(String scenario, String injected, Oracle.Verdict verdict) throws IOException {
        String line = "FAULT " + scenario + " | injected: " + injected + " | " + verdict.summary();
        System.out.println(line);
        Files.createDirectories(REPORT.toAbsolutePath().getParent());
        Files.writeString(REPORT, line + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
