package org.followuptracker.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.followuptracker.access.Role;
import org.followuptracker.access.UsersFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole road a fact travels, with each service in a process of its own as in production: a POST to the command
 * service is stored (in PostgreSQL where one answers at 127.0.0.1:5432, as in CI), relayed through a real Kafka
 * broker, projected into the MongoDB-wire server and read back from the query service.
 */
class EndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "end-to-end password";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<AutoCloseable> RUNNING = new ArrayList<>();
    /** The event store's schema in PostgreSQL, dropped at the end; null when the events are in H2. */
    private static String schema;
    private static ServiceProcess commandService;
    private static ServiceProcess queryService;

    @BeforeAll
    static void startEverything() throws IOException {
        Path data = Files.createTempDirectory("tracker-e2e");
        InProcessKafka kafka = InProcessKafka.start(data.resolve("kafka"), FreePorts.next(), FreePorts.next());
        RUNNING.add(kafka);
        InProcessMongo mongo = InProcessMongo.start(data.resolve("mongo"), FreePorts.next());
        RUNNING.add(mongo);
        UsersFile users = new UsersFile(data.resolve("users"));
        users.put("coordinator", PASSWORD, Set.of(Role.COORDINATOR));
        users.put("viewer", PASSWORD, Set.of(Role.VIEWER));
        users.put("admin", PASSWORD, Set.of(Role.ADMIN));
        PrintStream log = new PrintStream(Files.newOutputStream(data.resolve("services.log")), true);
        System.out.println("End-to-end: services log to " + data.resolve("services.log"));

        List<String> commandArguments = new ArrayList<>(List.of(
                "--tracker.data-dir=" + data,
                "--tracker.demo.enabled=false",
                "--tracker.access.users-file=" + users.path(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers()));
        if (usePostgres()) {
            schema = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            commandArguments.addAll(List.of("--spring.profiles.active=postgres",
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema,
                    "--spring.datasource.username=postgres",
                    "--spring.flyway.schemas=" + schema));
            System.out.println("End-to-end: events in PostgreSQL, schema " + schema);
        } else {
            System.out.println("End-to-end: no PostgreSQL at 127.0.0.1:5432, events in H2");
        }
        commandService = ServiceProcess.start("command-service", jar("command-service"), FreePorts.next(), commandArguments, log);
        RUNNING.add(commandService);
        queryService = ServiceProcess.start("query-service", jar("query-service"), FreePorts.next(), List.of(
                "--spring.data.mongodb.uri=" + mongo.uri("e2e"),
                "--tracker.access.users-file=" + users.path(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers()), log);
        RUNNING.add(queryService);
        commandService.awaitHealthy(Duration.ofMinutes(3));
        queryService.awaitHealthy(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (int i = RUNNING.size() - 1; i >= 0; i--) {
            RUNNING.get(i).close();
        }
        if (schema != null) {
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test",
                    "postgres", null); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void aLetterAndItsResponseReachTheTimelineInOrderAndTheLetterLeavesTheOpenLetters() throws Exception {
        JsonNode letter = post(commandService, "/api/letters", """
                {"country": "KAZ", "reference": "EUR 57/005/2012", "sentOn": "2012-10-18",
                 "sender": "Amnesty International", "recipient": "Minister of Foreign Affairs",
                 "subject": "Kazakhstan's candidacy for election to the UN Human Rights Council",
                 "copiedTo": ["Permanent Mission in Geneva", "Permanent Mission in New York"],
                 "responseDueBy": "2012-11-12",
                 "recommendations": [
                   {"text": "Ratify the Optional Protocol to the ICESCR.", "sources": []},
                   {"text": "Strengthen safeguards against torture.",
                    "sources": [{"symbol": "A/HRC/14/10", "paragraph": "95.42", "recommendingStates": ["Australia"]}]}]}""");
        String letterId = letter.get("letterId").asText();
        String torture = letter.get("recommendationIds").get(1).asText();

        JsonNode sent = awaitTimeline("KAZ", t -> t.get("entries").size() == 1);
        assertThat(sent.get("openLetters").get(0).get("letterId").asText()).isEqualTo(letterId);
        assertThat(sent.get("openLetters").get(0).get("overdue").asBoolean()).isTrue();

        post(commandService, "/api/letters/" + letterId + "/responses", """
                {"receivedOn": "2012-11-30", "from": "Ministry of Foreign Affairs", "summary": "Refers to its pledges",
                 "positions": [{"recommendationId": "%s", "position": "SUPPORTED"}]}""".formatted(torture));

        JsonNode answered = awaitTimeline("KAZ", t -> t.get("entries").size() == 2);
        assertThat(answered.get("entries")).extracting(e -> e.get("type").asText())
                .containsExactly("LetterSent", "ResponseReceived");
        assertThat(answered.get("entries").get(1).get("occurredOn").asText()).isEqualTo("2012-11-30");
        assertThat(answered.get("openLetters")).isEmpty();

        JsonNode board = get(queryService, "/api/recommendations?country=KAZ").get("recommendations");
        assertThat(board).hasSize(2);
        for (JsonNode recommendation : board) {
            boolean answeredOn = recommendation.get("recommendationId").asText().equals(torture);
            assertThat(recommendation.get("timesUrged").asInt()).isEqualTo(1);
            assertThat(recommendation.get("latestPosition").isNull()).isEqualTo(!answeredOn);
        }
    }

    @Test
    void freshnessFromAPostUntilTheTimelineShowsIt() throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            post(commandService, "/api/letters", """
                    {"country": "MNG", "sentOn": "2026-11-01", "sender": "Freshness probe", "recipient": "Minister",
                     "subject": "Probe %d", "recommendations": [{"text": "Probe %d"}]}""".formatted(i, i));
            long posted = System.nanoTime();
            int expected = i + 1;
            awaitTimeline("MNG", t -> t.get("entries").size() == expected);
            millis.add(Duration.ofNanos(System.nanoTime() - posted).toMillis());
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("End-to-end freshness over %d letters: min %d ms, median %d ms, max %d ms; all: %s%n",
                sorted.size(), sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), millis);
        for (String delay : List.of("relay", "projection")) {
            JsonNode measured = get(queryService, "/actuator/metrics/tracker.events." + delay + ".delay", "admin");
            System.out.printf("  query service's tracker.events.%s.delay: %s%n", delay, measured.get("measurements"));
        }
        assertThat(get(queryService, "/api/countries/MNG/timeline").get("entries")).hasSize(20);
    }

    private static JsonNode awaitTimeline(String country, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> get(queryService, "/api/countries/" + country + "/timeline"), condition);
    }

    private static JsonNode post(ServiceProcess service, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", basic("coordinator"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static JsonNode get(ServiceProcess service, String path) throws Exception {
        return get(service, path, "viewer");
    }

    private static JsonNode get(ServiceProcess service, String path, String user) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                        .header("Authorization", basic(user)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static Path jar(String service) {
        Path jar = Path.of(System.getProperty("tracker." + service + "-jar", "../" + service + "/target/" + service + ".jar"));
        assertThat(jar).as("the " + service + " jar; run the tests with ./mvnw verify").isRegularFile();
        return jar;
    }

    private static boolean usePostgres() {
        String chosen = System.getenv("TRACKER_TEST_DATABASE");
        if (chosen != null) {
            return chosen.equalsIgnoreCase("postgresql");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

}
