package org.followuptracker.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.followuptracker.embedded.ServiceProcess;

/**
 * Measures appends (B1), freshness (B2), rebuild (B3), reads (B4), memory (B5) and growth (B6), each beside its
 * physical baseline measured in the same run, on generated, seeded data; prints one table and writes it to a file.
 * A benchmark, not a test: it asserts nothing; it reports which targets were met.
 * <p>
 * Arguments: {@code --events=1000000} (the stored events for B3 and B6), {@code --seed=42},
 * {@code --seconds=10} (per B1 run), {@code --warm-up-seconds=15} (commands sent before B1, not measured),
 * {@code --requests=1000} (per B4 read), {@code --read-seconds=60} (the most time one B4 read is given; fewer
 * requests are made if it runs out), {@code --mongo-uri=} (a real MongoDB
 * instead of the embedded MongoDB-wire server), {@code --read-store=memory} (the embedded server keeps the read
 * models in memory instead of an H2 file), {@code --out=benchmark-results.md}, {@code --profile} (the services
 * run under Java Flight Recorder; where their CPU went is printed and written beside the table),
 * {@code --service-jvm=-XX:+UseSerialGC,...} (more options for both services' JVMs), {@code --until=B2}
 * (stop after B1 and B2, for a quicker look at appends and freshness), {@code --until=B4} (also the reads on the base
 * set, before the million events), {@code --only=B3} (store the events and
 * rebuild, nothing else: B3 and B5 while loading and rebuilding).
 */
public final class Benchmark {

    /** Events stored at once in the burst before freshness is measured at rest again. */
    private static final int BURST_EVENTS = 40_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] CLIENTS = {1, 4, 16};
    private static final int BASE_EVENTS = 40_000;
    private static final int BIG_COUNTRY_LETTERS = 4_500;
    /** Reads timed right after their country changed, per view (so their p99 is the slowest of them). */
    private static final int AFTER_CHANGE_READS = 50;

    private final Map<String, String> options;
    private final Results results = new Results();
    private final Api api = new Api();
    private BenchmarkStack stack;

    private Benchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        new Benchmark(options).run();
        System.exit(0);
    }

    private long option(String name, long fallback) {
        return Long.parseLong(options.getOrDefault(name, Long.toString(fallback)));
    }

    private void run() throws Exception {
        Instant began = Instant.now();
        long events = option("events", 1_000_000);
        long seed = option("seed", 42);
        long millis = option("seconds", 10) * 1000;
        int requests = (int) option("requests", 1000);
        Path out = Path.of(options.getOrDefault("out", "benchmark-results.md"));
        System.out.printf("Benchmark: %,d events, seed %d, %d s per append run, %d requests per read%n", events, seed,
                millis / 1000, requests);
        boolean inMemory = "memory".equals(options.get("read-store"));
        List<String> serviceJvm = options.containsKey("service-jvm")
                ? List.of(options.get("service-jvm").split(",")) : List.of();
        stack = new BenchmarkStack(options.get("mongo-uri"), inMemory, "127.0.0.1", 5432, options.containsKey("profile"),
                serviceJvm);
        if (!serviceJvm.isEmpty()) {
            results.note("Both services' JVMs also ran with " + String.join(" ", serviceJvm) + " (--service-jvm)");
        }
        try {
            ServiceProcess commands = stack.commandService();
            ServiceProcess queries = stack.queryService();
            System.out.println("services log to " + stack.servicesLog() + "; read store " + stack.mongoUri
                    + (options.containsKey("mongo-uri") ? "" : inMemory ? " (the embedded MongoDB-wire server, in memory)"
                            : " (the embedded MongoDB-wire server, H2 file)"));

            DataSet data = new DataSet(seed);
            EventStoreLoader loader = new EventStoreLoader(stack.dataSource());
            data.generate(BASE_EVENTS, BIG_COUNTRY_LETTERS, loader::append);
            loader.flush();
            awaitProjected("the base data set");
            long bigTimeline = JSON.readTree(api.get(queries, "/api/countries/" + DataSet.BIG_COUNTRY
                    + "/timeline?size=1", "coordinator").body()).get("total").asLong();
            results.note(String.format("Data: %d countries (long tail), %s with %,d timeline entries; base set %,d "
                    + "events, seed %d; read store: %s", DataSet.COUNTRIES, DataSet.BIG_COUNTRY, bigTimeline,
                    loader.appended(), seed, options.containsKey("mongo-uri") ? "MongoDB at the URI given"
                            : inMemory ? "the embedded MongoDB-wire server, in memory"
                            : "the embedded MongoDB-wire server on an H2 file (the embedded default)"));
            if ("B3".equals(options.get("only"))) {
                stack.stopQueryService();
                loadAndRebuild(data, loader, events, commands);
                results.note("Only the load and B3 (--only=B3)");
                return;
            }

            Appends appends = new Appends(data.countries());
            // Warm-up: the JIT compiles the command path; with 3 s of it, the first runs measured the compiler too.
            appends.commands(commands, 16, option("warm-up-seconds", 15) * 1000);
            awaitProjected("the warm-up letters");
            Map<Integer, Appends.Run> empty;
            MemoryPeaks duringAppends = new MemoryPeaks(List.of(commands, queries));
            try {
                empty = appendRuns(appends, commands, millis, "");
            } finally {
                duringAppends.close();
            }
            memoryRow("during B1", duringAppends, commands, queries);
            awaitProjected("the appended letters");

            double best = empty.values().stream().mapToDouble(Appends.Run::perSecond).max().orElse(1);
            Freshness freshness = new Freshness(appends);
            freshnessRow(freshness, commands, queries, best / 2, "half of B1's best", true);
            awaitProjected("the freshness letters");
            // The same with the machine far from saturated: what the road itself takes (relay, Kafka, projection).
            Latencies quiet = freshnessRow(freshness, commands, queries, 5, "a quiet day", false);
            awaitProjected("the freshness letters");
            // Once more after a burst that leaves the relay further behind than the event store's cache (10,000
            // events): 16 clients for 20 s, then 40,000 events stored at once, as a large import stores them (the
            // clients alone, some 10,000 events here, did not always leave it that far behind). A quiet day must not
            // be slower after it.
            Appends.Run burst = appends.commands(commands, 16, 20_000);
            data.generate(BURST_EVENTS, 0, loader::append);
            loader.flush();
            awaitProjected("the burst");
            Latencies afterBurst = freshnessRow(freshness, commands, queries, 5, String.format(
                    "a quiet day after a burst of %,d letters and %,d events", burst.done(), BURST_EVENTS), false);
            awaitProjected("the freshness letters");
            double ratio = afterBurst.percentileMillis(50) / quiet.percentileMillis(50);
            results.add("B2", "Freshness at rest after a burst, against before",
                    String.format("p50 %s ms", Results.f(afterBurst.percentileMillis(50))),
                    String.format("before the burst p50 %s ms", Results.f(quiet.percentileMillis(50))),
                    Results.f(ratio) + "x", "within 20%", ratio <= 1.2);
            if ("B2".equals(options.get("until"))) {
                results.note("Stopped after B2 (--until=B2)");
                return;
            }

            List<Reads.Read> reads = List.of(
                    new Reads.Read("timeline page of " + DataSet.BIG_COUNTRY,
                            "/api/countries/" + DataSet.BIG_COUNTRY + "/timeline?size=50", "timeline_index",
                            DataSet.BIG_COUNTRY),
                    new Reads.Read("board of " + DataSet.BIG_COUNTRY,
                            "/api/recommendations?country=" + DataSet.BIG_COUNTRY + "&size=50", "board_index",
                            DataSet.BIG_COUNTRY),
                    new Reads.Read("overdue list, all countries", "/api/letters/awaiting?overdue=true&size=50",
                            "letter_index", DataSet.BIG_COUNTRY));
            Map<String, Latencies> readsEmpty = readRuns(reads, commands, queries, appends, requests, "");
            if ("B4".equals(options.get("until"))) {
                results.note("Stopped after B4 on the base set (--until=B4)");
                return;
            }

            // Growth: a million events more, stored through the event store API, relayed by the command service.
            stack.stopQueryService();
            // The same appends with nothing projecting beside them: what the query side's share of the two cores
            // costs the command side.
            appendRuns(appends, commands, millis, ", query service stopped");
            queries = loadAndRebuild(data, loader, events, commands);

            String grownLabel = String.format(" with %,d stored", stored());
            Map<Integer, Appends.Run> grown = appendRuns(appends, commands, millis, grownLabel);
            awaitProjected("the appended letters");
            Map<String, Latencies> readsGrown = readRuns(reads, commands, queries, appends, requests, grownLabel);
            for (int clients : CLIENTS) {
                double slower = 1 - grown.get(clients).perSecond() / empty.get(clients).perSecond();
                results.add("B6", "Appends, " + clients + " client(s), grown vs base set",
                        Results.f(grown.get(clients).perSecond()) + " cmd/s",
                        Results.f(empty.get(clients).perSecond()) + " cmd/s on the base set",
                        String.format("%+.0f%%", -slower * 100), "<= 10% slower", slower <= 0.10);
            }
            for (Reads.Read read : reads) {
                if (!readsGrown.containsKey(read.name()) || !readsEmpty.containsKey(read.name())) {
                    results.add("B6", "Reads p99, " + read.name() + ", grown vs base set", "no figure",
                            "a read failed (see B4)", "", "<= 10% slower", false);
                    continue;
                }
                double p99 = readsGrown.get(read.name()).percentileMillis(99);
                double base = readsEmpty.get(read.name()).percentileMillis(99);
                results.add("B6", "Reads p99, " + read.name() + ", grown vs base set", Results.f(p99) + " ms",
                        Results.f(base) + " ms on the base set", String.format("%+.0f%%", (p99 / base - 1) * 100),
                        "<= 10% slower", p99 <= base * 1.10);
            }
        } finally {
            results.note("Whole run: " + Duration.between(began, Instant.now()).toSeconds() + " s on this machine ("
                    + Runtime.getRuntime().availableProcessors() + " cores)");
            results.write(out);
            System.out.println();
            System.out.println(results.table());
            System.out.println("Written to " + out.toAbsolutePath());
            stack.close();
            if (stack.profiles().isPresent()) {
                // The services wrote their recordings as they stopped.
                Profiles profiles = stack.profiles().get();
                Path summary = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.md$", "")
                        + "-profile.txt");
                String text = profiles.summary();
                Files.writeString(summary, text, StandardCharsets.UTF_8);
                System.out.println(text);
                System.out.println("Where the services' CPU went: " + summary.toAbsolutePath() + " (recordings in "
                        + profiles.directory() + ", for JDK Mission Control or `jfr print`)");
            }
        }
    }

    /**
     * Stores events through the event store API until {@code events} are stored, waits until the command service
     * relayed them all (B5 of the command service meanwhile), then measures B3: the read store emptied, the query
     * service started again builds the read models from the whole topic. The query service must be stopped.
     *
     * @return the query service, started again
     */
    private ServiceProcess loadAndRebuild(DataSet data, EventStoreLoader loader, long events, ServiceProcess commands)
            throws Exception {
        long before = stored();
        Instant loading = Instant.now();
        // The relay reads behind a bulk load faster than it can send: what it holds meanwhile is B5 too.
        MemoryPeaks duringLoad = new MemoryPeaks(List.of(commands));
        double loadSeconds;
        long total;
        try {
            data.generate(events - before, 0, loader::append);
            loader.flush();
            loadSeconds = Duration.between(loading, Instant.now()).toMillis() / 1000.0;
            total = stored();
            awaitRelayed(total);
        } finally {
            duringLoad.close();
        }
        double relaySeconds = Duration.between(loading, Instant.now()).toMillis() / 1000.0;
        memoryRow("while " + String.format("%,d", total - before) + " events were loaded and relayed", duringLoad,
                commands, null);
        if (total == before) {
            results.note(String.format("Loaded no more events: the appends had already stored %,d, at least the "
                    + "%,d asked for (--events)", total, events));
        } else {
            results.note(String.format("Loaded %,d more events through Axon's event store API in %s s (%s "
                            + "events/s); the relay had them all on Kafka %s s after loading began (%s events/s end "
                            + "to end)", total - before, Results.f(loadSeconds), Results.f((total - before) / loadSeconds),
                    Results.f(relaySeconds), Results.f((total - before) / relaySeconds)));
        }

        // B3: the read store emptied, the query service's first build reads the whole topic.
        dropReadStore();
        Rebuild rebuild = new Rebuild();
        Rebuild.Outcome plain = rebuild.plainConsumer(stack.bootstrapServers());
        ServiceProcess queries = stack.queryService();
        Rebuild.Outcome rebuilt;
        MemoryPeaks duringRebuild = new MemoryPeaks(List.of(commands, queries));
        try {
            rebuilt = awaitFirstBuild(queries);
        } finally {
            duringRebuild.close();
        }
        results.add("B3", String.format("Rebuild of all projections from %,d events", rebuilt.events()),
                String.format("%s events/s (%s s)", Results.f(rebuilt.perSecond()), Results.f(rebuilt.seconds())),
                String.format("plain consumer %s msgs/s", Results.f(plain.perSecond())),
                Results.f(rebuilt.perSecond() / plain.perSecond()) + "x",
                ">= 20,000 events/s and >= 0.25x",
                rebuilt.perSecond() >= 20_000 && rebuilt.perSecond() / plain.perSecond() >= 0.25);
        memoryRow("during B3", duringRebuild, commands, queries);
        auditReads(queries, rebuilt.events());
        return queries;
    }

    /**
     * With every event rebuilt: what an auditor's reads of the whole trail cost, the verification of every chain and
     * the first page of the trail, and the query service's heap meanwhile (B5): these read every audit entry.
     */
    private void auditReads(ServiceProcess queries, long events) throws Exception {
        MemoryPeaks duringAudit = new MemoryPeaks(List.of(queries));
        String verified;
        String firstPage;
        try {
            verified = timed(() -> {
                Api.Answer answer = api.get(queries, "/api/audit/verification", "admin", Duration.ofMinutes(10));
                if (!answer.ok()) {
                    return "HTTP " + answer.status();
                }
                var verification = JSON.readTree(answer.body());
                return String.format("%,d entries, %s", verification.get("entries").asLong(),
                        verification.get("valid").asBoolean() ? "valid" : "NOT valid");
            });
            firstPage = timed(() -> {
                Api.Answer answer = api.get(queries, "/api/audit?size=50", "admin", Duration.ofMinutes(10));
                return answer.ok() ? String.format("%,d in all", JSON.readTree(answer.body()).get("total").asLong())
                        : "HTTP " + answer.status();
            });
        } finally {
            duringAudit.close();
        }
        MemoryPeaks.Peak peak = duringAudit.peak(queries);
        results.add("B5", String.format("Memory of %s reading the audit trail of %,d events", queries.name(), events),
                String.format("heap %s MiB, RSS %s MiB", Results.f(peak.heapMiB()), Results.f(peak.rssMiB())),
                "-", "-", "heap <= 512 MiB", peak.heapMiB() <= 512);
        results.note("The audit trail of " + String.format("%,d", events) + " events: verification " + verified
                + "; first page of the trail " + firstPage);
    }

    /** What {@code read} answered, and how long it took. */
    private static String timed(java.util.concurrent.Callable<String> read) throws Exception {
        long started = System.nanoTime();
        String answer = read.call();
        return answer + String.format(" in %s ms", Results.f((System.nanoTime() - started) / 1e6));
    }

    private Map<Integer, Appends.Run> appendRuns(Appends appends, ServiceProcess commands, long millis, String label)
            throws Exception {
        Map<Integer, Appends.Run> runs = new LinkedHashMap<>();
        for (int clients : CLIENTS) {
            Appends.Run run = appends.commands(commands, clients, millis);
            Appends.Run baseline = appends.baseline(stack.dataSource(), clients, millis);
            runs.put(clients, run);
            boolean target = clients != 16 || (run.perSecond() >= 1000 && run.perSecond() / baseline.perSecond() >= 0.3
                    && run.p99() <= 3 * run.p50());
            results.add("B1", "Appends, " + clients + " client(s)" + label,
                    String.format("%s cmd/s, p50 %s, p99 %s ms", Results.f(run.perSecond()), Results.f(run.p50()),
                            Results.f(run.p99())),
                    String.format("%s INSERT tx/s, p50 %s ms", Results.f(baseline.perSecond()),
                            Results.f(baseline.p50())),
                    Results.f(run.perSecond() / baseline.perSecond()) + "x",
                    clients == 16 ? ">= 1,000/s, >= 0.3x, p99 <= 3 p50" : "",
                    clients == 16 ? target : null);
            if (run.failed() > 0) {
                results.note(run.failed() + " commands failed in the B1 run with " + clients + " clients" + label);
            }
        }
        return runs;
    }

    private Map<String, Latencies> readRuns(List<Reads.Read> reads, ServiceProcess commands, ServiceProcess queries,
            Appends appends, int requests, String label) throws InterruptedException {
        Reads measure = new Reads();
        Map<String, Latencies> measured = new LinkedHashMap<>();
        for (Reads.Read read : reads) {
            Latencies lookup = measure.keyLookup(stack.mongoUri, read, requests);
            try {
                Latencies http = measure.http(queries, read, requests, option("read-seconds", 60) * 1000);
                measured.put(read.name(), http);
                readRow(read.name() + label + ", " + http.count() + " requests"
                        + (http.count() < requests ? " (the time limit)" : ""), http, lookup);
            } catch (IllegalStateException e) {
                failedRead(read.name() + label, e);
                continue;
            }
            // The query service keeps a country's letters and board in memory until the country changes: the reads
            // above, of an unchanged country, are answered from there after the first; this is the read that is not.
            try {
                long missesBefore = measure.cacheReads(queries, "miss");
                long refreshesBefore = measure.cacheReads(queries, "refresh");
                Latencies changed = measure.afterChange(commands, queries, stack.mongoUri, appends, read,
                        DataSet.BIG_COUNTRY, AFTER_CHANGE_READS);
                results.note(String.format("B4 '%s%s' after a change: the query service read %d countries' documents"
                        + " whole and brought %d up to date meanwhile", read.name(), label,
                        measure.cacheReads(queries, "miss") - missesBefore,
                        measure.cacheReads(queries, "refresh") - refreshesBefore));
                readRow(read.name() + label + ", the first after " + DataSet.BIG_COUNTRY + " changed, "
                        + changed.count() + " requests", changed, lookup);
                // With 50 reads, p99 is the slowest one: which of them it was tells a cold start from a pause.
                results.note("B4 '" + read.name() + label + "' after a change, the slowest reads (#1 the first): "
                        + changed.slowest(5));
            } catch (IllegalStateException e) {
                failedRead(read.name() + label + ", the first after " + DataSet.BIG_COUNTRY + " changed", e);
            }
        }
        return measured;
    }

    /**
     * A read that answered with an error or not within a minute is a row of its own, and the run goes on: the rows
     * after it (B6 among them) would otherwise be lost with it.
     */
    private void failedRead(String what, IllegalStateException failure) {
        String reason = String.valueOf(failure.getMessage());
        results.add("B4", "Reads, " + what, "failed", "", "", "p99 <= 50 ms", false);
        results.note("B4 read '" + what + "' failed: "
                + (reason.length() > 300 ? reason.substring(0, 300) + "..." : reason));
    }

    private void readRow(String what, Latencies http, Latencies lookup) {
        results.add("B4", "Reads, " + what,
                String.format("p50 %s, p99 %s ms", Results.f(http.percentileMillis(50)),
                        Results.f(http.percentileMillis(99))),
                String.format("key lookup p50 %s, p99 %s ms", Results.f(lookup.percentileMillis(50)),
                        Results.f(lookup.percentileMillis(99))),
                Results.f(http.percentileMillis(99) / lookup.percentileMillis(99)) + "x", "p99 <= 50 ms",
                http.percentileMillis(99) <= 50);
    }

    private Latencies freshnessRow(Freshness freshness, ServiceProcess commands, ServiceProcess queries,
            double perSecond, String rate, boolean withTarget) throws Exception {
        Latencies fresh;
        String legs;
        try (RoadLegs road = new RoadLegs(stack.bootstrapServers())) {
            fresh = freshness.measure(commands, queries, road, perSecond, 15_000);
            legs = road.summary();
        }
        Latencies kafka = freshness.kafkaBaseline(stack.bootstrapServers(), perSecond, 15_000);
        boolean met = fresh.percentileMillis(50) <= 50 && fresh.percentileMillis(99) <= 250;
        // Each probe is a letter too, sent one after the other beside the steady load.
        results.add("B2", String.format("Freshness at %s commands/s (%s) plus %s probes/s", Results.f(perSecond), rate,
                        Results.f(fresh.count() / 15.0)),
                String.format("p50 %s ms, p99 %s ms", Results.f(fresh.percentileMillis(50)),
                        Results.f(fresh.percentileMillis(99))),
                String.format("Kafka p50 %s ms, p99 %s ms", Results.f(kafka.percentileMillis(50)),
                        Results.f(kafka.percentileMillis(99))),
                Results.f(fresh.percentileMillis(50) / kafka.percentileMillis(50)) + "x",
                withTarget ? "p50 <= 50 ms, p99 <= 250 ms" : "", withTarget ? met : null);
        results.note("B2 at " + Results.f(perSecond) + " commands/s, " + legs);
        return fresh;
    }

    private void memoryRow(String phase, MemoryPeaks peaks, ServiceProcess commands, ServiceProcess queries) {
        for (ServiceProcess service : java.util.Arrays.asList(commands, queries)) {
            if (service == null) {
                continue;
            }
            MemoryPeaks.Peak peak = peaks.peak(service);
            results.add("B5", "Memory of " + service.name() + " " + phase,
                    String.format("heap %s MiB, RSS %s MiB", Results.f(peak.heapMiB()), Results.f(peak.rssMiB())),
                    "-", "-", "heap <= 512 MiB", peak.heapMiB() <= 512);
        }
    }

    private long stored() throws Exception {
        try (Connection connection = stack.dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM domainevententry")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Waits until every stored event is on the topic and the query side has committed the whole topic. */
    private void awaitProjected(String what) throws Exception {
        Instant started = Instant.now();
        awaitRelayed(stored());
        try (Admin admin = admin()) {
            while (lag(admin) > 0) {
                Thread.sleep(200);
            }
        }
        System.out.printf("    %s projected in %s s%n", what,
                Results.f(Duration.between(started, Instant.now()).toMillis() / 1000.0));
    }

    private void awaitRelayed(long stored) throws Exception {
        try (Admin admin = admin()) {
            while (true) {
                try {
                    if (endOffsets(admin).values().stream().mapToLong(Long::longValue).sum() >= stored) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    // the relay has not created the topic yet
                }
                Thread.sleep(200);
            }
        }
    }

    private Rebuild.Outcome awaitFirstBuild(ServiceProcess queries) throws Exception {
        while (true) {
            Thread.sleep(500);
            Api.Answer answer = api.get(queries, "/api/admin/rebuilds/latest", "admin");
            if (!answer.ok()) {
                continue;
            }
            var progress = JSON.readTree(answer.body());
            if (progress.get("state").asText().equals("LIVE")) {
                double seconds = Duration.between(Instant.parse(progress.get("startedAt").asText()),
                        Instant.parse(progress.get("finishedAt").asText())).toMillis() / 1000.0;
                long events = progress.get("eventsDone").asLong();
                return new Rebuild.Outcome(events, seconds, events / seconds);
            }
        }
    }

    private void dropReadStore() {
        try (MongoClient client = MongoClients.create(stack.mongoUri)) {
            client.getDatabase(new com.mongodb.ConnectionString(stack.mongoUri).getDatabase()).drop();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(BenchmarkStack.TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(BenchmarkStack.TOPIC).partitions()
                .forEach(p -> latest.put(new TopicPartition(BenchmarkStack.TOPIC, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }

    private static long lag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("query-service")
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : endOffsets(admin).entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += end.getValue() - (at == null ? 0 : at.offset());
        }
        return lag;
    }
}
