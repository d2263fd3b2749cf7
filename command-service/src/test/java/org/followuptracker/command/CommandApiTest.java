package org.followuptracker.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.followuptracker.command.support.TestDatabase;
import org.followuptracker.command.support.TestUsers;
import org.followuptracker.events.EnvelopeCodec;
import org.followuptracker.events.EventEnvelope;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.ResponseReceived;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command service's HTTP API against a real event store (PostgreSQL where present) and an in-process Kafka
 * broker: what is accepted is stored and relayed, what is refused leaves no trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "tracker.kafka.topic=command-api-test",
        "tracker.kafka.partitions=3"})
@EmbeddedKafka(kraft = true, partitions = 1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandApiTest {

    private static final String LETTER = """
            {"country": "KAZ", "reference": "%s", "sentOn": "2012-10-18", "sender": "Amnesty International",
             "recipient": "Minister of Foreign Affairs", "subject": "Kazakhstan's candidacy for the Human Rights Council",
             "copiedTo": ["Permanent Mission in Geneva", "Permanent Mission in New York"],
             "responseDueBy": "2012-12-01",
             "recommendations": [
               {"text": "Ratify the Optional Protocol to the ICESCR.", "sources": []},
               {"text": "Strengthen safeguards against torture.",
                "sources": [{"symbol": "A/HRC/14/10", "paragraph": "95.42", "recommendingStates": ["Australia"]}]}
             ]}""";

    static final String PASSWORD = "correct horse battery staple";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("tracker.access.users-file", () -> TestUsers.file(PASSWORD));
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    EventStore eventStore;

    private final ObjectMapper json = new ObjectMapper();
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final List<ConsumerRecord<String, byte[]>> relayed = new ArrayList<>();
    private Consumer<String, byte[]> consumer;

    @BeforeAll
    void subscribe() {
        Map<String, Object> props = KafkaTestUtils.consumerProps("command-api-test", "false", broker);
        props.put("auto.offset.reset", "earliest");
        consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
    }

    @AfterAll
    void close() {
        consumer.close();
    }

    @Test
    void aLetterIsStoredWithItsNewRecommendationsAndRelayedInOrderUnderItsCountry() throws Exception {
        ResponseEntity<String> response = post("/api/letters", LETTER.formatted("EUR 1/2012"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = json.readTree(response.getBody());
        String letterId = body.get("letterId").asText();
        List<String> recommendationIds = List.of(body.get("recommendationIds").get(0).asText(),
                body.get("recommendationIds").get(1).asText());

        assertThat(payloadTypesOf(letterId)).containsExactly("org.followuptracker.events.LetterSent");
        assertThat(payloadTypesOf(recommendationIds.get(0))).containsExactly("org.followuptracker.events.RecommendationRecorded");

        ResponseEntity<String> answer = post("/api/letters/" + letterId + "/responses", """
                {"receivedOn": "2012-11-20", "from": "Ministry of Foreign Affairs", "summary": "Under review",
                 "source": "Note verbale No. 12-1/2012",
                 "positions": [{"recommendationId": "%s", "position": "SUPPORTED"}]}""".formatted(recommendationIds.get(1)));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String responseId = json.readTree(answer.getBody()).get("responseId").asText();

        List<EventEnvelope> envelopes = awaitRelayed(letterId, 4);
        assertThat(envelopes).extracting(e -> e.event().getClass().getSimpleName())
                .containsExactly("RecommendationRecorded", "RecommendationRecorded", "LetterSent", "ResponseReceived");
        assertThat(envelopes).allSatisfy(e -> {
            assertThat(e.country()).isEqualTo("KAZ");
            assertThat(e.actor()).isEqualTo("coordinator");
            assertThat(e.revision()).isEqualTo(e.event() instanceof RecommendationRecorded ? "2" : "1");
        });
        LetterSent letterSent = (LetterSent) envelopes.get(2).event();
        assertThat(letterSent.recommendationIds()).isEqualTo(recommendationIds);
        assertThat(letterSent.reference()).isEqualTo("EUR 1/2012");
        RecommendationRecorded torture = (RecommendationRecorded) envelopes.get(1).event();
        assertThat(torture.sources().get(0).recommendingStates()).containsExactly("Australia");
        // Not given: inferred from its source, a numbered UPR recommendation; the other has no source: our own ask.
        assertThat(torture.mechanism()).isEqualTo(Mechanism.UPR);
        assertThat(((RecommendationRecorded) envelopes.get(0).event()).mechanism()).isEqualTo(Mechanism.NGO);
        assertThat(((ResponseReceived) envelopes.get(3).event()).responseId()).isEqualTo(responseId);
        assertThat(envelopes.get(3).sequence()).isEqualTo(1);
        assertThat(envelopes.get(3).source()).isEqualTo("Note verbale No. 12-1/2012");
        assertThat(envelopes.get(2).source()).isNull();
        assertThat(relayed).allSatisfy(record -> assertThat(record.key()).isEqualTo(codec.decode(record.value()).country()));
    }

    @Test
    void aLetterCanUrgeARecommendationRecordedBefore() throws Exception {
        JsonNode first = json.readTree(post("/api/letters", LETTER.formatted("EUR 2/2012")).getBody());
        String known = first.get("recommendationIds").get(0).asText();

        ResponseEntity<String> again = post("/api/letters", """
                {"country": "KAZ", "sentOn": "2013-03-01", "sender": "Amnesty International",
                 "recipient": "Minister of Foreign Affairs", "subject": "Follow-up", "recommendations": [{"recommendationId": "%s"}]}
                """.formatted(known));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(again.getBody()).get("recommendationIds").get(0).asText()).isEqualTo(known);
    }

    @Test
    void aFindingOfFullImplementationIsRecommendationImplemented() throws Exception {
        String recommendationId = json.readTree(post("/api/letters", LETTER.formatted("EUR 3/2012")).getBody())
                .get("recommendationIds").get(1).asText();

        ResponseEntity<String> response = post("/api/recommendations/" + recommendationId + "/implementation", """
                {"status": "IMPLEMENTED", "assessedOn": "2015-01-10", "evidence": "Criminal Code art. 146 amended"}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(payloadTypesOf(recommendationId)).containsExactly(
                "org.followuptracker.events.RecommendationRecorded", "org.followuptracker.events.RecommendationImplemented");
    }

    @Test
    void aPositionKnownFromAUnDocumentIsRecordedWithoutALetter() throws Exception {
        String recommendationId = json.readTree(post("/api/letters", LETTER.formatted("EUR 13/2012")).getBody())
                .get("recommendationIds").get(1).asText();

        ResponseEntity<String> response = post("/api/recommendations/" + recommendationId + "/positions", """
                {"position": "SUPPORTED", "takenOn": "2010-06-01", "source": "A/HRC/14/10/Add.1"}""");
        ResponseEntity<String> withoutSource = post("/api/recommendations/" + recommendationId + "/positions", """
                {"position": "SUPPORTED", "takenOn": "2010-06-01"}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(payloadTypesOf(recommendationId)).containsExactly(
                "org.followuptracker.events.RecommendationRecorded", "org.followuptracker.events.PositionRecorded");
        assertThat(withoutSource.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(withoutSource.getBody()).contains("\"field\":\"source\"");
    }

    @Test
    void aFollowUpAndDueDateChangesAreRecordedOnTheLetter() throws Exception {
        String letterId = json.readTree(post("/api/letters", LETTER.formatted("EUR 14/2012")).getBody())
                .get("letterId").asText();

        ResponseEntity<String> followUp = post("/api/letters/" + letterId + "/follow-ups", """
                {"sentOn": "2012-12-10", "summary": "Reminder: no answer yet", "responseDueBy": "2013-01-31"}""");
        ResponseEntity<String> extended = post("/api/letters/" + letterId + "/due-date", """
                {"responseDueBy": "2013-02-28", "changedOn": "2013-01-20", "reason": "The ministry asked for time"}""");
        ResponseEntity<String> withdrawn = post("/api/letters/" + letterId + "/due-date", """
                {"responseDueBy": null, "changedOn": "2013-03-05", "reason": "Campaign closed"}""");
        ResponseEntity<String> again = post("/api/letters/" + letterId + "/due-date", """
                {"responseDueBy": null, "changedOn": "2013-03-06", "reason": "Campaign closed"}""");

        assertThat(followUp.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(followUp.getBody()).get("followUpId").asText()).isNotBlank();
        assertThat(extended.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(again.getBody()).contains("\"field\":\"responseDueBy\"");
        assertThat(payloadTypesOf(letterId)).containsExactly("org.followuptracker.events.LetterSent",
                "org.followuptracker.events.FollowUpSent", "org.followuptracker.events.ResponseDueDateExtended",
                "org.followuptracker.events.ResponseDueDateWithdrawn");
        assertThat(post("/api/letters/no-such-letter/follow-ups", """
                {"sentOn": "2012-12-10", "summary": "Reminder"}""").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aPublicationIsRecordedOnTheLetterAndItsAddressMustBeAWebAddress() throws Exception {
        String letterId = json.readTree(post("/api/letters", LETTER.formatted("EUR 21/2012")).getBody())
                .get("letterId").asText();

        ResponseEntity<String> published = post("/api/letters/" + letterId + "/publication", """
                {"publishedOn": "2012-11-02", "url": "https://www.amnesty.org/en/documents/eur57/021/2012/en/"}""");
        ResponseEntity<String> inPrint = post("/api/letters/" + letterId + "/publication", """
                {"publishedOn": "2012-11-05"}""");
        ResponseEntity<String> notAWebAddress = post("/api/letters/" + letterId + "/publication", """
                {"publishedOn": "2012-11-02", "url": "javascript:alert(1)"}""");
        ResponseEntity<String> farFuture = post("/api/letters/" + letterId + "/publication", """
                {"publishedOn": "2212-11-02"}""");

        assertThat(published.getStatusCode()).as(published.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(inPrint.getStatusCode()).as(inPrint.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(notAWebAddress.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notAWebAddress.getBody()).contains("\"field\":\"url\"").contains("http:// or https://");
        assertThat(farFuture.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(farFuture.getBody()).contains("\"field\":\"publishedOn\"");
        assertThat(payloadTypesOf(letterId)).containsExactly("org.followuptracker.events.LetterSent",
                "org.followuptracker.events.LetterPublished", "org.followuptracker.events.LetterPublished");
        assertThat(post("/api/letters/no-such-letter/publication", """
                {"publishedOn": "2012-11-02"}""").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aRecommendationRecordedOnItsOwnCanBeUrgedByALetterLater() throws Exception {
        ResponseEntity<String> recorded = post("/api/recommendations", """
                {"country": "KAZ", "text": "Ensure the independence of the Commissioner for Human Rights.",
                 "mechanism": "TREATY_BODY", "themes": ["National human rights institutions"], "madeOn": "2011-08-19",
                 "sources": [{"symbol": "CCPR/C/KAZ/CO/1", "paragraph": "6"}]}""");
        ResponseEntity<String> withoutMechanism = post("/api/recommendations", """
                {"country": "KAZ", "text": "Something"}""");

        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String recommendationId = json.readTree(recorded.getBody()).get("recommendationId").asText();
        assertThat(withoutMechanism.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(withoutMechanism.getBody()).contains("\"field\":\"mechanism\"");

        ResponseEntity<String> letter = post("/api/letters", """
                {"country": "KAZ", "sentOn": "2013-03-01", "sender": "Amnesty International", "recipient": "Minister",
                 "subject": "The Commissioner", "recommendations": [{"recommendationId": "%s"}]}""".formatted(recommendationId));
        assertThat(letter.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aRecommendationStoredUnderRevisionOneStillLoadsAndReadsWithItsMechanism() {
        String recommendationId = "stored-under-revision-1";
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, "
                        + "payload, payloadrevision, payloadtype, timestamp) VALUES (?, 0, 'Recommendation', ?, ?, ?, '1', ?, ?)",
                recommendationId, java.util.UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8), """
                        {"recommendationId":"stored-under-revision-1","country":"KAZ","text":"Abolish the death penalty",
                         "sources":[{"symbol":"A/HRC/14/10","paragraph":"97.16","recommendingStates":["France"]}]}"""
                        .getBytes(StandardCharsets.UTF_8),
                RecommendationRecorded.class.getName(), "2012-01-01T00:00:00Z");

        ResponseEntity<String> finding = post("/api/recommendations/" + recommendationId + "/implementation", """
                {"status": "NOT_IMPLEMENTED", "assessedOn": "2015-01-10", "evidence": "Still in the Criminal Code"}""");

        assertThat(finding.getStatusCode()).as(finding.getBody()).isEqualTo(HttpStatus.CREATED);
        RecommendationRecorded read = (RecommendationRecorded) eventStore.readEvents(recommendationId).next().getPayload();
        assertThat(read.mechanism()).isEqualTo(Mechanism.UPR);
        assertThat(read.themes()).isEmpty();
        assertThat(read.sources().get(0).recommendingStates()).containsExactly("France");
    }

    @Test
    void aUhriExportIsImportedOnceItsBadRowsReportedAndItsGoodRowsRecorded() throws Exception {
        JsonNode first = json.readTree(importSample().getBody());
        JsonNode second = json.readTree(importSample().getBody());

        assertThat(first.get("added").size()).isGreaterThan(0);
        assertThat(first.get("rejected")).extracting(r -> r.get("lineNumber").asInt()).containsExactly(15, 17, 18, 19);
        assertThat(first.get("rejected").get(0).get("reason").asText()).isNotBlank();
        assertThat(second.get("added")).isEmpty();
        assertThat(second.get("alreadyThere")).hasSize(first.get("added").size());
        assertThat(second.get("rejected")).hasSize(4);
        for (JsonNode added : first.get("added")) {
            List<String> types = payloadTypesOf(added.get("recommendationId").asText());
            assertThat(types.get(0)).isEqualTo("org.followuptracker.events.RecommendationRecorded");
            assertThat(types).hasSize(added.get("position").isNull() ? 1 : 2);
        }
        assertThat(first.get("added")).anyMatch(a -> !a.get("position").isNull());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAndNothingIsImported() throws Exception {
        long before = eventCount();
        byte[] latin1 = "Text,Countries Concerned,Document Symbol,OHCHR Annotation Id\nR\u00e9former la loi,France,A/HRC/1/1,x-1\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        ResponseEntity<String> response = upload(new org.springframework.core.io.ByteArrayResource(latin1) {
            @Override
            public String getFilename() {
                return "latin1.csv";
            }
        });

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("\"field\":\"file\"").contains("UTF-8");
        assertThat(eventCount()).isEqualTo(before);
    }

    private ResponseEntity<String> importSample() throws Exception {
        ResponseEntity<String> response = upload(new org.springframework.core.io.ClassPathResource("importing/uhri-sample.csv"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return response;
    }

    private ResponseEntity<String> upload(org.springframework.core.io.Resource file) {
        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("file", file);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set("Idempotency-Key", java.util.UUID.randomUUID().toString());
        return http.withBasicAuth("coordinator", PASSWORD).postForEntity("/api/recommendations/imports",
                new HttpEntity<>(form, headers), String.class);
    }

    @Test
    void aResponseRecordedByMistakeIsRetractedOnceWithAReasonAndStaysInTheHistory() throws Exception {
        JsonNode letter = json.readTree(post("/api/letters", LETTER.formatted("EUR 18/2012")).getBody());
        String letterId = letter.get("letterId").asText();
        post("/api/letters/" + letterId + "/responses", """
                {"receivedOn": "2012-11-20", "from": "Ministry", "positions": []}""");
        String responseEvent = jdbc.queryForObject("SELECT eventidentifier FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = 1", String.class, letterId);
        String retraction = """
                {"eventId": "%s", "reason": "Entered on the wrong letter"}""".formatted(responseEvent);

        ResponseEntity<String> retracted = post("/api/letters/" + letterId + "/retractions", retraction);
        ResponseEntity<String> again = post("/api/letters/" + letterId + "/retractions", retraction);
        ResponseEntity<String> unknown = post("/api/letters/" + letterId + "/retractions", """
                {"eventId": "no-such-event", "reason": "?"}""");
        ResponseEntity<String> elsewhere = post("/api/recommendations/"
                + letter.get("recommendationIds").get(0).asText() + "/retractions", retraction);

        assertThat(retracted.getStatusCode()).as(retracted.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(again.getBody()).contains("retracted already").contains("\"field\":\"eventId\"");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(payloadTypesOf(letterId)).containsExactly("org.followuptracker.events.LetterSent",
                "org.followuptracker.events.ResponseReceived", "org.followuptracker.events.FactRetracted");
    }

    @Test
    void aRetractedLetterFreesItsReferenceForTheCorrectOneAndTakesNoMoreFacts() throws Exception {
        String letterId = json.readTree(post("/api/letters", LETTER.formatted("EUR 20/2012")).getBody())
                .get("letterId").asText();
        String sentEvent = jdbc.queryForObject("SELECT eventidentifier FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = 0", String.class, letterId);

        assertThat(post("/api/letters/" + letterId + "/retractions", """
                {"eventId": "%s", "reason": "Wrong date and recipient"}""".formatted(sentEvent)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> answer = post("/api/letters/" + letterId + "/responses", """
                {"receivedOn": "2012-11-20", "from": "Ministry", "positions": []}""");
        ResponseEntity<String> corrected = post("/api/letters", LETTER.formatted("EUR 20/2012"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("was retracted");
        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aReferenceItsSenderAlreadyUsedIsAConflict() {
        assertThat(post("/api/letters", LETTER.formatted("EUR 4/2012")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long before = eventCount();

        ResponseEntity<String> duplicate = post("/api/letters", LETTER.formatted("EUR 4/2012"));

        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(duplicate.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(duplicate.getBody()).contains("\"field\":\"reference\"").contains("EUR 4/2012");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void badLettersAreRefusedWithAProblemNamingTheFieldAndNothingIsAppended() {
        String valid = LETTER.formatted("EUR 5/2012");
        // 60 states of 100 three-byte characters in one source: within every field limit, but too big an event.
        String oversized = String.join(", ", Collections.nCopies(60, "\"" + "\u20ac".repeat(100) + "\""));
        String tooManySources = String.join(", ", Collections.nCopies(30,
                "{\"symbol\": \"A/HRC/14/10\", \"recommendingStates\": [" + oversized + "]}"));
        Map<String, String> refusals = Map.ofEntries(
                Map.entry(valid.replace("\"KAZ\"", "\"XYZ\""), "country"),
                Map.entry(valid.replace("\"country\": \"KAZ\", ", ""), "country"),
                Map.entry(valid.replace("\"sentOn\": \"2012-10-18\"", "\"sentOn\": \"18/10/2012\""), "sentOn"),
                Map.entry(valid.replace("\"sentOn\": \"2012-10-18\"", "\"sentOn\": 15000"), "sentOn"),
                Map.entry(valid.replace("\"sender\": \"Amnesty International\"", "\"sender\": true"), "sender"),
                Map.entry(valid.replace("\"responseDueBy\": \"2012-12-01\"", "\"responseDueBy\": \"2012-01-01\""), "responseDueBy"),
                Map.entry(valid.replace("\"subject\": \"Kazakhstan's candidacy for the Human Rights Council\"", "\"subject\": \" \""), "subject"),
                Map.entry(valid.replace("\"symbol\": \"A/HRC/14/10\"", "\"symbol\": \"<script>\""), "recommendations[1].sources[0].symbol"),
                Map.entry(valid.replace("\"copiedTo\"", "\"actor\": \"someone else\", \"copiedTo\""), "actor"),
                Map.entry(valid.replace("{\"text\": \"Ratify the Optional Protocol to the ICESCR.\", \"sources\": []}",
                        "{\"recommendationId\": \"no-such-recommendation\"}"), "recommendations[0].recommendationId"),
                Map.entry(valid.replace("\"copiedTo\": [", "\"copiedTo\": {\"a\": ["), "copiedTo"),
                Map.entry(valid.replace("\"sources\": [{\"symbol\": \"A/HRC/14/10\", \"paragraph\": \"95.42\", \"recommendingStates\": [\"Australia\"]}]",
                        "\"sources\": [" + tooManySources + "]"), "body"));
        long before = eventCount();

        refusals.forEach((body, field) -> {
            ResponseEntity<String> response = post("/api/letters", body);
            assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType()).as(field).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody()).as(field).contains("\"field\":\"" + field + "\"");
        });

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anIdOfTheWrongKindIsNotFound() throws Exception {
        JsonNode letter = json.readTree(post("/api/letters", LETTER.formatted("EUR 9/2012")).getBody());
        String letterId = letter.get("letterId").asText();
        String recommendationId = letter.get("recommendationIds").get(0).asText();

        assertThat(post("/api/letters/" + recommendationId + "/responses", """
                {"receivedOn": "2012-11-20", "from": "Ministry", "positions": []}""").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("/api/recommendations/" + letterId + "/implementation", """
                {"status": "IMPLEMENTED", "assessedOn": "2015-01-10", "evidence": "x"}""").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> byNumber = post("/api/recommendations/" + recommendationId + "/implementation", """
                {"status": 1, "assessedOn": "2015-01-10", "evidence": "x"}""");
        assertThat(byNumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(byNumber.getBody()).contains("\"field\":\"status\"");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndRecordsNothingMore() {
        String letter = LETTER.formatted("EUR 10/2012");
        long before = eventCount();

        ResponseEntity<String> first = post("/api/letters", letter, "key-10");
        ResponseEntity<String> again = post("/api/letters", letter, "key-10");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders().getFirst("Idempotency-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(before + 3);

        ResponseEntity<String> otherRequest = post("/api/letters", LETTER.formatted("EUR 11/2012"), "key-10");
        assertThat(otherRequest.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(otherRequest.getBody()).contains("\"field\":\"Idempotency-Key\"");
        assertThat(eventCount()).isEqualTo(before + 3);
    }

    @Test
    void twoUsersWithTheSameIdempotencyKeyEachGetTheirOwnAnswer() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "shared-key");
        String letter = LETTER.formatted("EUR 19/2012");

        ResponseEntity<String> first = post("/api/letters", letter, "shared-key");
        ResponseEntity<String> other = http.withBasicAuth("second-coordinator", PASSWORD)
                .postForEntity("/api/letters", new HttpEntity<>(letter.replace("Amnesty International", "FIDH"), headers),
                        String.class);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(other.getHeaders().getFirst("Idempotency-Replayed")).isNull();
        assertThat(json.readTree(other.getBody()).get("letterId").asText())
                .isNotEqualTo(json.readTree(first.getBody()).get("letterId").asText());
    }

    @Test
    void aRefusedRequestFreesItsIdempotencyKey() {
        String letter = LETTER.formatted("EUR 12/2012");

        assertThat(post("/api/letters", letter.replace("\"KAZ\"", "\"XYZ\""), "key-12").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("/api/letters", letter, "key-12").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void withoutSignInEveryCallIsRefusedWith401AndAProblem() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        for (String path : List.of("/api/letters", "/api/letters/x/responses", "/api/recommendations",
                "/api/recommendations/x/implementation", "/api/recommendations/imports", "/api/users")) {
            ResponseEntity<String> response = http.postForEntity(path, new HttpEntity<>("{}", headers), String.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getHeaders().getFirst("WWW-Authenticate")).as(path).startsWith("Basic");
        }
        ResponseEntity<String> wrongPassword = http.withBasicAuth("coordinator", "wrong")
                .postForEntity("/api/letters", new HttpEntity<>(LETTER.formatted("EUR 15/2012"), headers), String.class);
        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aRoleThatMayNotRecordGets403AndNothingIsRecorded() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        long before = eventCount();
        for (String user : List.of("viewer", "auditor", "admin")) {
            ResponseEntity<String> response = http.withBasicAuth(user, PASSWORD)
                    .postForEntity("/api/letters", new HttpEntity<>(LETTER.formatted("EUR 16/2012"), headers), String.class);
            assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getHeaders().getContentType()).as(user).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anAdminAddsAUserWhoThenRecordsUnderTheirOwnName() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String newUser = """
                {"username": "amina", "password": "a long enough password", "roles": ["COORDINATOR"]}""";
        assertThat(http.withBasicAuth("coordinator", PASSWORD).postForEntity("/api/users",
                new HttpEntity<>(newUser, headers), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> shortPassword = http.withBasicAuth("admin", PASSWORD).postForEntity("/api/users",
                new HttpEntity<>(newUser.replace("a long enough password", "short"), headers), String.class);
        assertThat(shortPassword.getBody()).contains("\"field\":\"password\"").doesNotContain("short\"");

        assertThat(http.withBasicAuth("admin", PASSWORD).postForEntity("/api/users", new HttpEntity<>(newUser, headers),
                String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> letter = http.withBasicAuth("amina", "a long enough password").postForEntity("/api/letters",
                new HttpEntity<>(LETTER.formatted("EUR 17/2012"), headers), String.class);

        assertThat(letter.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String letterId = json.readTree(letter.getBody()).get("letterId").asText();
        byte[] metaData = jdbc.queryForObject("SELECT metadata FROM domainevententry WHERE aggregateidentifier = ?",
                byte[].class, letterId);
        assertThat(json.readTree(metaData).get("actor").asText()).isEqualTo("amina");
    }

    @Test
    void malformedJsonIsRefusedAsSuch() {
        ResponseEntity<String> response = post("/api/letters", "{\"country\": \"KAZ\", ");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("not valid JSON");
    }

    @Test
    void aResponseToAnUnknownLetterIsNotFound() {
        long before = eventCount();

        ResponseEntity<String> response = post("/api/letters/no-such-letter/responses", """
                {"receivedOn": "2012-11-20", "from": "Ministry", "positions": []}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aPositionOnARecommendationTheLetterDidNotUrgeIsRefused() throws Exception {
        String letterId = json.readTree(post("/api/letters", LETTER.formatted("EUR 6/2012")).getBody()).get("letterId").asText();
        long before = eventCount();

        ResponseEntity<String> response = post("/api/letters/" + letterId + "/responses", """
                {"receivedOn": "2012-11-20", "from": "Ministry", "positions": [{"recommendationId": "other", "position": "NOTED"}]}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("\"field\":\"positions[0].recommendationId\"");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anUnknownPositionIsRefused() throws Exception {
        JsonNode letter = json.readTree(post("/api/letters", LETTER.formatted("EUR 7/2012")).getBody());

        ResponseEntity<String> response = post("/api/letters/" + letter.get("letterId").asText() + "/responses", """
                {"receivedOn": "2012-11-20", "from": "Ministry", "positions": [{"recommendationId": "%s", "position": "MAYBE"}]}"""
                .formatted(letter.get("recommendationIds").get(0).asText()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("\"field\":\"positions[0].position\"").contains("SUPPORTED");
    }

    @Test
    void concurrentResponsesToOneLetterAreEachStoredOrRefusedAsAConflictNeverLost() throws Exception {
        JsonNode letter = json.readTree(post("/api/letters", LETTER.formatted("EUR 8/2012")).getBody());
        String letterId = letter.get("letterId").asText();
        String body = """
                {"receivedOn": "2012-11-20", "from": "Ministry", "positions": []}""";
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(clients.submit(() -> post("/api/letters/" + letterId + "/responses", body)));
        }
        int created = 0;
        for (Future<ResponseEntity<String>> answer : answers) {
            ResponseEntity<String> response = answer.get(30, TimeUnit.SECONDS);
            assertThat(response.getStatusCode()).as(response.getBody()).isIn(HttpStatus.CREATED, HttpStatus.CONFLICT);
            if (response.getStatusCode() == HttpStatus.CREATED) {
                created++;
            } else {
                assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }
        clients.shutdown();
        System.out.printf("16 concurrent responses to one letter: %d stored, %d refused as conflicts%n", created, 16 - created);

        List<Long> sequence = jdbc.queryForList("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", Long.class, letterId);
        assertThat(sequence).hasSize(1 + created);
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).isEqualTo(i);
        }
    }

    @Test
    void theApiIsDescribedAndHealthIsReported() {
        assertThat(http.getForEntity("/v3/api-docs", String.class).getBody()).contains("/api/letters");
        assertThat(http.getForEntity("/actuator/health", String.class).getBody())
                .startsWith("{\"status\":\"UP\"").doesNotContain("relay");
        String health = http.withBasicAuth("admin", PASSWORD).getForEntity("/actuator/health", String.class).getBody();
        assertThat(health).startsWith("{\"status\":\"UP\"").contains("\"relay\":{\"status\":\"UP\"");
    }

    private ResponseEntity<String> post(String path, String body) {
        return post(path, body, null);
    }

    private ResponseEntity<String> post(String path, String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("coordinator", PASSWORD).postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private List<String> payloadTypesOf(String aggregateId) {
        return jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                String.class, aggregateId);
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private List<EventEnvelope> awaitRelayed(String letterId, int count) {
        consumer.subscribe(List.of("command-api-test"));
        List<EventEnvelope> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                relayed.add(record);
            }
            mine.clear();
            List<String> ids = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : relayed) {
                EventEnvelope envelope = codec.decode(record.value());
                String json = new String(record.value(), StandardCharsets.UTF_8);
                if (json.contains(letterId)) {
                    ids.addAll(envelope.event() instanceof LetterSent sent ? sent.recommendationIds() : List.of());
                }
            }
            for (ConsumerRecord<String, byte[]> record : relayed) {
                EventEnvelope envelope = codec.decode(record.value());
                if (envelope.aggregateId().equals(letterId) || ids.contains(envelope.aggregateId())) {
                    mine.add(envelope);
                }
            }
            return mine.size() >= count;
        });
        return mine;
    }
}
