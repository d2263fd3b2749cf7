package org.followuptracker.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.followuptracker.access.Role;
import org.followuptracker.access.UsersFile;
import org.followuptracker.events.EnvelopeCodec;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.Position;
import org.followuptracker.events.PositionRecorded;
import org.followuptracker.events.RecommendationImplemented;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.ResponseReceived;
import org.followuptracker.events.TrackerEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile writes, then every read: with the whole tracker running as in the embedded default (each service a process
 * of its own), hostile batches are posted to every command endpoint in every content type (far dates such as year
 * 9999999 included, which are refused), the odd writes that are accepted are recorded (the first and last days of the
 * years taken, right-to-left marks, markup, the longest texts), and events carrying dates far beyond what the API
 * takes are put on the topic directly, as events stored before that rule would come. Then every endpoint of the query
 * service and every page of the web app is read as each role: no 5xx anywhere. The endpoints come from the services'
 * API descriptions and the pages from following the web app's links, not from a list kept here.
 */
class HostileInputIT {

    private static final String PASSWORD = "hostile input password";
    private static final String TOPIC = "followup-tracker.events";
    private static final List<String> ROLES = List.of("viewer", "coordinator", "auditor", "admin");
    private static final long SEED = 20_121_018L;
    private static final int PAGES_PER_ROLE = 250;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final List<AutoCloseable> RUNNING = new ArrayList<>();
    private static InProcessKafka kafka;
    private static ServiceProcess commandService;
    private static ServiceProcess queryService;
    private static ServiceProcess webApp;
    /** Every answer of 500 or more met, with what was asked: the test fails on any. */
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();

    @BeforeAll
    static void startEverything() throws IOException {
        Path data = Files.createTempDirectory("tracker-hostile");
        kafka = InProcessKafka.start(data.resolve("kafka"), FreePorts.next(), FreePorts.next());
        RUNNING.add(kafka);
        InProcessMongo mongo = InProcessMongo.startInMemory(FreePorts.next());
        RUNNING.add(mongo);
        UsersFile users = new UsersFile(data.resolve("users"));
        for (String role : ROLES) {
            users.put(role, PASSWORD, Set.of(Role.valueOf(role.toUpperCase(Locale.ROOT))));
        }
        PrintStream log = new PrintStream(Files.newOutputStream(data.resolve("services.log")), true);
        System.out.println("Hostile input: services log to " + data.resolve("services.log"));
        commandService = ServiceProcess.start("command-service", jar("command-service"), FreePorts.next(), List.of(
                "--tracker.data-dir=" + data,
                "--tracker.demo.enabled=true",
                "--tracker.access.users-file=" + users.path(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers()), log);
        RUNNING.add(commandService);
        queryService = ServiceProcess.start("query-service", jar("query-service"), FreePorts.next(), List.of(
                "--spring.data.mongodb.uri=" + mongo.uri("hostile"),
                "--tracker.access.users-file=" + users.path(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers()), log);
        RUNNING.add(queryService);
        webApp = ServiceProcess.start("web-app", jar("web-app"), FreePorts.next(), List.of(
                "--tracker.access.users-file=" + users.path(),
                "--tracker.web.command-service-url=" + commandService.baseUrl(),
                "--tracker.web.query-service-url=" + queryService.baseUrl()), log);
        RUNNING.add(webApp);
        commandService.awaitHealthy(Duration.ofMinutes(3));
        queryService.awaitHealthy(Duration.ofMinutes(3));
        webApp.awaitHealthy(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (int i = RUNNING.size() - 1; i >= 0; i--) {
            RUNNING.get(i).close();
        }
    }

    @Test
    void afterEachHostileBatchEveryReadOfEveryRoleAnswersWithoutA5xx() throws Exception {
        // Each batch's 5xx are gathered, and the test fails on any once every batch was tried and read after.
        Map<String, String> commands = commandBodies();

        postHostileJson(commands);
        readEverything("after hostile JSON");

        postEveryOtherContentType(commands);
        readEverything("after every other content type");

        putEventsWithFarDatesOnTheTopic();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(
                () -> read("viewer", "/api/countries/NZL/timeline?size=500").path("total").asInt() >= 8);
        readEverything("after events with far dates");

        // The letter due in year 9999999 is shown as recorded, in the lists that it once took down.
        assertThat(read("viewer", "/api/letters/awaiting?country=NZL").toString()).contains("+999999999-12-31");
        assertThat(read("viewer", "/api/countries?q=NZ").toString()).contains("\"country\":\"NZL\"");
        HttpClient browser = signedIn("viewer");
        // Overdue since year -9999999: first of the overdue letters.
        assertThat(page(browser, "/letters/awaiting").body()).contains("-9999999-01-01");
        assertThat(page(browser, "/countries/NZL").body()).contains("+9999999-12-31");
        assertThat(failures).as("answers of 500 or more").isEmpty();
    }

    /**
     * Every endpoint of the query service and every page of the web app, as each role, once the query side has
     * what was written (a letter recorded last in each country written to is shown).
     */
    private void readEverything(String when) throws Exception {
        for (String country : List.of("KAZ", "MNG")) {
            String letter = """
                    {"country": "%s", "sentOn": "2013-01-10", "sender": "Amnesty International",
                     "recipient": "Minister", "subject": "Sentinel", "recommendations": [{"text": "Sentinel."}]}""";
            String sentinel = JSON.readTree(send(commandService, "coordinator", "POST", "/api/letters",
                    "application/json", letter.formatted(country)).body()).get("letterId").asText();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> read("viewer",
                    "/api/letters/awaiting?size=500&country=" + country).toString().contains(sentinel));
        }
        Set<String> countries = new TreeSet<>(List.of("KAZ", "NZL", "MNG"));
        read("viewer", "/api/countries?size=500").path("countries")
                .forEach(country -> countries.add(country.get("country").asText()));
        Set<String> recommendationIds = new LinkedHashSet<>(List.of("far-rec"));
        for (JsonNode recommendation : read("viewer", "/api/recommendations?size=500").path("recommendations")) {
            if (recommendationIds.size() < 6) {
                recommendationIds.add(recommendation.get("recommendationId").asText());
            }
        }
        int failed = failures.size();
        int queryCalls = readEveryQueryEndpoint(countries, recommendationIds);
        int pages = readEveryWebAppPage(countries);
        System.out.printf("Hostile input, %s: %d query calls, %d web-app pages, %d answers of 500 or more; answers "
                + "so far by status: %s%n", when, queryCalls, pages, failures.size() - failed, statuses);
    }

    /** A valid body for each command endpoint the command service describes; one it describes without one fails. */
    private Map<String, String> commandBodies() throws Exception {
        JsonNode letter = JSON.readTree(send(commandService, "coordinator", "POST", "/api/letters",
                "application/json", """
                {"country": "KAZ", "sentOn": "2012-10-18", "sender": "Amnesty International", "recipient": "Minister",
                 "subject": "Candidacy", "recommendations": [{"text": "Ratify OP-CAT."}]}""").body());
        String letterId = letter.get("letterId").asText();
        String recommendationId = letter.get("recommendationIds").get(0).asText();
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("/api/letters", """
                {"country": "KAZ", "reference": "EUR 9", "sentOn": "2013-01-10", "sender": "Amnesty International",
                 "recipient": "Minister", "subject": "Follow-up", "copiedTo": ["Mission"],
                 "responseDueBy": "2013-02-10", "recommendations": [{"recommendationId": "%s"},
                  {"text": "Release the prisoners.", "themes": ["Detention"],
                   "sources": [{"symbol": "CAT/C/KAZ/CO/2", "paragraph": "9", "recommendingStates": []}]}]}"""
                .formatted(recommendationId));
        bodies.put("/api/letters/" + letterId + "/responses", """
                {"receivedOn": "2012-11-20", "from": "Ministry", "summary": "Under review",
                 "positions": [{"recommendationId": "%s", "position": "SUPPORTED"}]}""".formatted(recommendationId));
        bodies.put("/api/letters/" + letterId + "/follow-ups", """
                {"sentOn": "2013-01-01", "summary": "Reminder", "responseDueBy": "2013-02-01"}""");
        bodies.put("/api/letters/" + letterId + "/due-date", """
                {"responseDueBy": "2013-03-01", "changedOn": "2013-01-02", "reason": "Extended"}""");
        bodies.put("/api/letters/" + letterId + "/publication", """
                {"publishedOn": "2013-01-03", "url": "https://www.amnesty.org/en/documents/eur57/009/2013/en/"}""");
        bodies.put("/api/letters/" + letterId + "/retractions", """
                {"eventId": "no-such-event", "reason": "Entered by mistake"}""");
        bodies.put("/api/recommendations", """
                {"country": "KAZ", "text": "Abolish the death penalty", "mechanism": "UPR", "madeOn": "2010-06-10"}""");
        bodies.put("/api/recommendations/" + recommendationId + "/positions", """
                {"position": "NOTED", "takenOn": "2010-06-10", "source": "A/HRC/14/10/Add.1"}""");
        bodies.put("/api/recommendations/" + recommendationId + "/implementation", """
                {"status": "PARTIALLY_IMPLEMENTED", "assessedOn": "2014-06-01", "evidence": "Bill submitted"}""");
        bodies.put("/api/recommendations/" + recommendationId + "/retractions", """
                {"eventId": "no-such-event", "reason": "Entered by mistake"}""");
        bodies.put("/api/users", """
                {"username": "amina", "password": "a long enough password", "roles": ["VIEWER"]}""");
        bodies.put("/api/recommendations/imports", null);

        Set<String> described = new TreeSet<>();
        JSON.readTree(send(commandService, null, "GET", "/v3/api-docs", null, null).body()).get("paths")
                .properties().forEach(path -> {
                    if (path.getValue().has("post") && path.getKey().startsWith("/api/")) {
                        described.add(path.getKey());
                    }
                });
        Set<String> here = new TreeSet<>();
        bodies.keySet().forEach(path -> here.add(path.replace(letterId, "{letterId}")
                .replace(recommendationId, "{recommendationId}")));
        assertThat(here).as("the command endpoints tried here; give a new one a valid body").isEqualTo(described);
        return bodies;
    }

    /**
     * Per endpoint: valid bodies with one field made hostile (refused far dates among them), and odd but valid values
     * that are recorded.
     */
    private void postHostileJson(Map<String, String> commands) throws Exception {
        Random random = new Random(SEED);
        List<String> refusedDates = List.of("\"+9999999-12-31\"", "\"-9999999-01-01\"", "\"+999999999-12-31\"",
                "\"1899-12-31\"", "\"2201-01-01\"", "[]", "[2013, 1, 1]", "\" 2013-01-01\"", "\"2013-01-01\\n\"",
                "{}", "1e309", "true");
        List<String> refusedTexts = List.of("\"a\\u0000b\"", "\"\\ud800\"", "\"\\u001b[31m\"");
        List<String> hostileValues = List.of("{}", "1e309", "-0", "true", "null", "[null]", "[\"\"]",
                "[" + "[".repeat(3000) + "]".repeat(3000) + "]", "\"" + "y".repeat(100_000) + "\"");
        List<String> recordedTexts = List.of("\u202Egnp.exe", "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")",
                "'; DROP TABLE domainevententry; --", "${jndi:ldap://x/a}",
                "\uD83D\uDE00 e\u0301 \u0645\u0631\u062D\u0628\u0627",
                "line one\r\nline two\ttabbed", "x".repeat(990));
        for (Map.Entry<String, String> command : commands.entrySet()) {
            String path = command.getKey();
            String user = path.equals("/api/users") ? "admin" : "coordinator";
            if (command.getValue() == null) {
                continue;
            }
            ObjectNode valid = (ObjectNode) JSON.readTree(command.getValue());
            List<String> fields = new ArrayList<>();
            valid.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                boolean date = valid.get(field).asText().matches("\\d{4}-\\d{2}-\\d{2}");
                boolean text = valid.get(field).isTextual() && !date;
                for (String value : date ? refusedDates : text ? refusedTexts : List.<String>of()) {
                    expectRefusal(send(commandService, user, "POST", path, "application/json", with(valid, field,
                            value)), "POST " + path + " " + field + "=" + shorten(value));
                }
                for (String value : hostileValues) {
                    note(send(commandService, user, "POST", path, "application/json", with(valid, field, value)),
                            "POST " + path + " " + field + "=" + shorten(value));
                }
                if (text) {
                    String recorded = recordedTexts.get(random.nextInt(recordedTexts.size()));
                    note(send(commandService, user, "POST", path, "application/json", with(valid, field,
                            JSON.writeValueAsString(recorded))), "POST " + path + " " + field + "="
                            + shorten(recorded));
                }
            }
        }
        // The first and last days the API takes are recorded.
        for (String[] days : List.of(new String[] {"1900-01-01", "2200-12-31"}, new String[] {"2200-12-31", null})) {
            HttpResponse<String> response = send(commandService, "coordinator", "POST", "/api/letters",
                    "application/json", """
                    {"country": "MNG", "sentOn": "%s", "sender": "Amnesty International", "recipient": "Minister",
                     "subject": "The edges of time", "responseDueBy": %s, "recommendations": [{"text": "Keep records.",
                     "sources": [{"symbol": "A/HRC/14/10", "recommendingStates": ["\u202Egnp.exe"]}]}]}"""
                    .formatted(days[0], days[1] == null ? "null" : "\"" + days[1] + "\""));
            // 2200-12-31 is after today: a letter cannot have been sent then (400 naming sentOn), but never a 5xx.
            note(response, "POST /api/letters sent " + days[0]);
        }
    }

    /** Every other content type, multipart malformed or without a boundary included, on every command endpoint. */
    private void postEveryOtherContentType(Map<String, String> commands) throws Exception {
        List<String[]> contentTypes = List.of(new String[] {"multipart/form-data; boundary=zzz", "--zzz\r\ngarbage"},
                new String[] {"multipart/form-data", "--zzz\r\ngarbage"},
                new String[] {"multipart/form-data; boundary=zzz", "--zzz\r\nContent-Disposition: form-data; "
                        + "name=\"file\"; filename=\"a.csv\"\r\n\r\nText\r\n--zzz--\r\n"},
                new String[] {"application/x-www-form-urlencoded", "country=KAZ&sentOn=%2B9999999-12-31"},
                new String[] {"text/plain", "{}"}, new String[] {null, "{}"}, new String[] {"application/xml", "<a/>"},
                new String[] {"application/json; charset=nonsense", "{}"},
                new String[] {"application/json; charset=UTF-16", "{\"a\": 1}"});
        for (String path : commands.keySet()) {
            String user = path.equals("/api/users") ? "admin" : "coordinator";
            for (String[] other : contentTypes) {
                expectRefusal(send(commandService, user, "POST", path, other[0], other[1]), "POST " + path + " "
                        + other[0]);
            }
        }
    }

    /**
     * Events a command service would no longer store, as events stored before the API took years 1900 to 2200 only
     * would come: put on the topic as the relay puts them.
     */
    private void putEventsWithFarDatesOnTheTopic() throws Exception {
        LocalDate farFuture = LocalDate.parse("+9999999-12-31");
        LocalDate farPast = LocalDate.parse("-9999999-01-01");
        String country = "NZL";
        List<EventEnvelope> events = new ArrayList<>();
        List<TrackerEvent> stream = List.of(
                new RecommendationRecorded("far-rec", country, "Recommended in year -9999999", Mechanism.UPR,
                        List.of(), List.of("Far"), farPast),
                new LetterSent("far-letter", country, "FAR 1", LocalDate.of(2012, 10, 18), "Amnesty International",
                        "Minister", "Due in year 9999999", List.of(), farFuture, List.of("far-rec")),
                new LetterSent("far-early", country, "FAR 2", farPast, "Amnesty International", "Minister",
                        "Sent in year -9999999", List.of(), farPast.plusDays(30), List.of("far-rec")),
                new LetterSent("far-edges", country, "FAR 3", LocalDate.MIN, "Amnesty International", "Minister",
                        "From the first day to the last", List.of(), LocalDate.MAX, List.of("far-rec")),
                new FollowUpSent("far-letter", "far-follow-up", country, farFuture, "A reminder", LocalDate.MAX),
                new ResponseReceived("far-edges", "far-response", country, LocalDate.MAX, "Ministry", "At last",
                        List.of()),
                new PositionRecorded("far-rec", country, Position.SUPPORTED, LocalDate.MIN, "A/HRC/1/1"),
                new RecommendationImplemented("far-rec", country, farFuture, "Done, eventually"));
        Map<String, Long> sequences = new LinkedHashMap<>();
        for (TrackerEvent event : stream) {
            String aggregateId = event instanceof LetterSent l ? l.letterId() : event instanceof FollowUpSent f
                    ? f.letterId() : event instanceof ResponseReceived r ? r.letterId() : "far-rec";
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            events.add(new EventEnvelope(UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.UTC), aggregateId,
                    aggregateId.equals("far-rec") ? "Recommendation" : "Letter", sequence,
                    event instanceof RecommendationRecorded ? RecommendationRecorded.REVISION : "1", "coordinator",
                    "stored before the rule", event));
        }
        EnvelopeCodec codec = new EnvelopeCodec();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (EventEnvelope envelope : events) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, country, codec.encode(envelope));
                // As the CloudEvents Kafka binding marks a structured-mode record.
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        }
    }

    /**
     * Every GET the query service describes, as each role, with each parameter it takes given once (and the far
     * countries and recommendations in its path); and the read-model check as admin.
     */
    private int readEveryQueryEndpoint(Set<String> countries, Set<String> recommendationIds) throws Exception {
        Map<String, List<String>> values = Map.ofEntries(Map.entry("asOf", List.of("2200-12-31", "2013-01-01")),
                Map.entry("from", List.of("1900-01-01")), Map.entry("to", List.of("2200-12-31")),
                Map.entry("format", List.of("csv", "json")), Map.entry("overdue", List.of("true")),
                Map.entry("awaiting", List.of("true")), Map.entry("country", List.of("NZL")),
                Map.entry("type", List.of("LetterSent")), Map.entry("page", List.of("1")),
                Map.entry("size", List.of("500")), Map.entry("q", List.of("N")), Map.entry("theme", List.of("Far")),
                Map.entry("status", List.of("IMPLEMENTED")), Map.entry("position", List.of("SUPPORTED")),
                Map.entry("mechanism", List.of("UPR")), Map.entry("recommendation", List.of("far-rec")),
                Map.entry("id", List.of("far-rec")), Map.entry("actor", List.of("coordinator")));
        List<String> calls = new ArrayList<>();
        JsonNode paths = JSON.readTree(send(queryService, null, "GET", "/v3/api-docs", null, null).body()).get("paths");
        paths.properties().forEach(path -> {
            JsonNode get = path.getValue().get("get");
            if (get == null) {
                return;
            }
            List<String> concrete = new ArrayList<>();
            if (path.getKey().contains("{iso3}")) {
                countries.forEach(country -> concrete.add(path.getKey().replace("{iso3}", country)));
            } else if (path.getKey().contains("{recommendationId}")) {
                recommendationIds.forEach(id -> concrete.add(path.getKey().replace("{recommendationId}", id)));
            } else {
                concrete.add(path.getKey().replaceAll("\\{[^}]*}", "x"));
            }
            for (String call : concrete) {
                calls.add(call);
                for (JsonNode parameter : get.path("parameters")) {
                    String name = parameter.get("name").asText();
                    if ("query".equals(parameter.path("in").asText())) {
                        for (String value : values.getOrDefault(name, List.of("x"))) {
                            calls.add(call + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        });
        assertThat(calls).as("the query service's described GETs").hasSizeGreaterThan(20);
        for (String role : ROLES) {
            for (String call : calls) {
                note(send(queryService, role, "GET", call, null, null), role + " GET " + call);
            }
        }
        note(send(queryService, "admin", "POST", "/api/admin/read-model-checks", null, null),
                "admin POST /api/admin/read-model-checks");
        return calls.size() * ROLES.size() + 1;
    }

    /** Signed in as each role, every page the web app links to from its start pages, up to a bound. */
    private int readEveryWebAppPage(Set<String> countries) throws Exception {
        int pages = 0;
        Pattern links = Pattern.compile("href=\"(/[^\"#]*)");
        for (String role : ROLES) {
            HttpClient browser = signedIn(role);
            Deque<String> toVisit = new ArrayDeque<>(List.of("/", "/countries", "/letters/awaiting", "/recommendations",
                    "/audit", "/record/letter", "/record/corrections", "/recommendations/far-rec"));
            countries.forEach(country -> toVisit.add("/countries/" + country));
            Set<String> seen = new LinkedHashSet<>(toVisit);
            for (int visited = 0; !toVisit.isEmpty() && visited < PAGES_PER_ROLE; visited++) {
                String page = toVisit.poll();
                HttpResponse<String> response = page(browser, page);
                pages++;
                note(response, role + " page " + page);
                if (response.statusCode() != 200 || !String.valueOf(response.headers().firstValue("Content-Type")
                        .orElse("")).startsWith("text/html")) {
                    continue;
                }
                Matcher link = links.matcher(response.body());
                while (link.find()) {
                    String href = link.group(1).replace("&amp;", "&");
                    if (!href.startsWith("/signout") && !href.startsWith("/css") && !href.startsWith("/js")
                            && seen.add(href)) {
                        toVisit.add(href);
                    }
                }
            }
            // A form posted with a body that cannot be read.
            note(browser.send(HttpRequest.newBuilder(URI.create(webApp.baseUrl() + "/record/letter"))
                    .header("Content-Type", "multipart/form-data; boundary=zzz")
                    .POST(HttpRequest.BodyPublishers.ofString("--zzz\r\ngarbage")).build(),
                    HttpResponse.BodyHandlers.ofString()), role + " POST /record/letter multipart garbage");
        }
        return pages;
    }

    private HttpResponse<String> page(HttpClient browser, String page) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(webApp.baseUrl() + page)).timeout(Duration.ofSeconds(60))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser (cookies, no redirects followed) signed in to the web app through its form. */
    private HttpClient signedIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(webApp.baseUrl() + "/signin"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
                .matcher(form.body());
        assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(webApp.baseUrl() + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).as(user + " signs in")
                .doesNotContain("error");
        return browser;
    }

    private void expectRefusal(HttpResponse<String> response, String what) {
        note(response, what);
        if (response.statusCode() < 500) {
            assertThat(response.statusCode()).as(what + " -> " + shorten(response.body())).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                    .startsWith("application/problem+json");
        }
    }

    private void note(HttpResponse<String> response, String what) {
        statuses.merge(response.statusCode(), 1, Integer::sum);
        if (response.statusCode() >= 500) {
            failures.add(what + " -> " + response.statusCode() + " " + shorten(response.body()));
        }
    }

    private JsonNode read(String user, String path) throws Exception {
        HttpResponse<String> response = send(queryService, user, "GET", path, null, null);
        assertThat(response.statusCode()).as(path + " -> " + shorten(response.body())).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(ServiceProcess service, String user, String method, String path,
            String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String with(ObjectNode valid, String field, String rawValue) {
        ObjectNode copy = valid.deepCopy();
        copy.put(field, "@@REPLACED@@");
        return copy.toString().replace("\"@@REPLACED@@\"", rawValue);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "(none)";
        }
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 200 ? printable : printable.substring(0, 200) + "...";
    }

    private static Path jar(String service) {
        Path jar = Path.of(System.getProperty("tracker." + service + "-jar", "../" + service + "/target/" + service
                + ".jar"));
        assertThat(jar).as("the " + service + " jar; run the tests with ./mvnw verify").isRegularFile();
        return jar;
    }
}
