package org.followuptracker.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {

    private static final OffsetDateTime RECORDED = OffsetDateTime.of(2026, 11, 27, 10, 15, 30, 0, ZoneOffset.UTC);

    private final EnvelopeCodec codec = new EnvelopeCodec();

    private final LetterSent letterSent = new LetterSent("letter-1", "KAZ", "EUR 57/005/2012", LocalDate.of(2012, 10, 18),
            "Amnesty International", "Minister of Foreign Affairs", "Candidacy for the Human Rights Council",
            List.of("Permanent Mission in Geneva"), null, List.of("rec-1", "rec-2"));

    @Test
    void aLetterSentTravelsAsAStructuredCloudEventWithItsExtensions() throws Exception {
        byte[] message = codec.encode(new EventEnvelope("event-1", RECORDED, "letter-1", "Letter", 0, "1", "coordinator",
                "AI Index EUR 57/005/2012", letterSent));

        JsonNode json = new ObjectMapper().readTree(new String(message, StandardCharsets.UTF_8));
        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("id").asText()).isEqualTo("event-1");
        assertThat(json.get("type").asText()).isEqualTo("org.followuptracker.LetterSent");
        assertThat(json.get("source").asText()).isEqualTo("/follow-up-tracker/command-service");
        assertThat(json.get("subject").asText()).isEqualTo("letter-1");
        assertThat(json.get("time").asText()).isEqualTo("2026-11-27T10:15:30Z");
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.get("country").asText()).isEqualTo("KAZ");
        assertThat(json.get("partitionkey").asText()).isEqualTo("KAZ");
        assertThat(json.get("aggregatetype").asText()).isEqualTo("Letter");
        assertThat(json.get("sequence").asInt()).isZero();
        assertThat(json.get("revision").asText()).isEqualTo("1");
        assertThat(json.get("occurredon").asText()).isEqualTo("2012-10-18");
        assertThat(json.get("actor").asText()).isEqualTo("coordinator");
        assertThat(json.get("sourceref").asText()).isEqualTo("AI Index EUR 57/005/2012");
        // data is plain JSON, not base64, so that any client reads it without our classes
        assertThat(json.get("data").isObject()).isTrue();
        assertThat(json.get("data").get("sentOn").asText()).isEqualTo("2012-10-18");
        assertThat(json.get("data").get("recommendationIds")).hasSize(2);
    }

    @Test
    void everyEventTypeReadsBackAsItWasWritten() {
        List<TrackerEvent> events = SampleEvents.oneOfEachType();
        assertThat(events).extracting(Object::getClass)
                .containsExactly(TrackerEvent.class.getPermittedSubclasses());

        for (TrackerEvent event : events) {
            String revision = event.getClass().getAnnotation(Revision.class).value();
            EventEnvelope envelope = new EventEnvelope("id-" + event.getClass().getSimpleName(), RECORDED, "agg", "Letter",
                    3, revision, "someone", null, event);

            assertThat(codec.decode(codec.encode(envelope))).isEqualTo(envelope);
        }
    }

    @Test
    void aRecommendationOfRevisionOneReadsWithTheMechanismItsSourcesShow() {
        String message = """
                {"specversion":"1.0","id":"e1","source":"/follow-up-tracker/command-service",
                 "type":"org.followuptracker.RecommendationRecorded","datacontenttype":"application/json",
                 "subject":"rec-1","time":"2026-11-27T10:15:30Z","country":"KAZ","aggregatetype":"Recommendation",
                 "sequence":0,"revision":"1","actor":"someone",
                 "data":{"recommendationId":"rec-1","country":"KAZ","text":"Abolish the death penalty",
                         "sources":[{"symbol":"A/HRC/14/10","paragraph":"97.16","recommendingStates":["France"]}]}}""";

        EventEnvelope envelope = codec.decode(message.getBytes(StandardCharsets.UTF_8));

        assertThat(envelope.revision()).isEqualTo("2");
        assertThat(envelope.event()).isEqualTo(new RecommendationRecorded("rec-1", "KAZ", "Abolish the death penalty",
                Mechanism.UPR, List.of(new UnSource("A/HRC/14/10", "97.16", List.of("France"))), List.of()));

        // What travelled is kept too, as it was (the audit trail hashes it, so an upgrade does not change the hash).
        ReceivedEvent received = codec.receive(message.getBytes(StandardCharsets.UTF_8));
        assertThat(received.revisionAsSent()).isEqualTo("1");
        assertThat(received.dataAsSent()).isEqualTo("{\"recommendationId\":\"rec-1\",\"country\":\"KAZ\","
                + "\"text\":\"Abolish the death penalty\",\"sources\":[{\"symbol\":\"A/HRC/14/10\",\"paragraph\":\"97.16\","
                + "\"recommendingStates\":[\"France\"]}]}");
        assertThat(received.envelope()).isEqualTo(envelope);
    }

    @Test
    void theMechanismIsInferredOnlyWhereTheSourcesShowIt() {
        assertThat(Mechanism.inferredFrom(List.of(new UnSource("CCPR/C/KAZ/CO/1", "8", List.of()))))
                .isEqualTo(Mechanism.TREATY_BODY);
        assertThat(Mechanism.inferredFrom(List.of(new UnSource("E/C.12/KAZ/CO/1", "12", List.of()))))
                .isEqualTo(Mechanism.TREATY_BODY);
        assertThat(Mechanism.inferredFrom(List.of(new UnSource("A/HRC/14/10", "95.42", List.of("Australia")))))
                .isEqualTo(Mechanism.UPR);
        assertThat(Mechanism.inferredFrom(List.of(new UnSource("A/67/122", null, List.of())))).isNull();
        assertThat(Mechanism.inferredFrom(List.of())).isNull();
    }

    @Test
    void aMessageThatIsNoEnvelopeIsReportedAsUnreadable() {
        assertThatThrownBy(() -> codec.decode("{\"hello\": 1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEnvelopeException.class);
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEnvelopeException.class);
    }

    @Test
    void aCloudEventOfSomeoneElseIsUnreadable() {
        String message = """
                {"specversion":"1.0","id":"x","source":"/elsewhere","type":"com.example.Other",
                 "datacontenttype":"application/json","data":{}}""";

        assertThatThrownBy(() -> codec.decode(message.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEnvelopeException.class);
    }

    @Test
    void anEventTypeOfANewerVersionIsReportedAsUnknownNotUnreadable() {
        String message = """
                {"specversion":"1.0","id":"x","source":"/elsewhere","type":"org.followuptracker.SomethingNew",
                 "datacontenttype":"application/json","data":{}}""";

        assertThatThrownBy(() -> codec.decode(message.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("SomethingNew");
    }
}
