package org.followuptracker.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.followuptracker.access.Role;
import org.followuptracker.access.UsersFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The web app through its real HTTP layer (sign-in, CSRF, roles, headers, pages and forms), with both services
 * stood in for by {@link FakeService}s that answer as the real ones do and keep what they were sent.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WebAppTest {

    private static final String PASSWORD = "web app test password";
    private static final FakeService COMMANDS = new FakeService();
    private static final FakeService QUERIES = new FakeService();
    private static final Path USERS;

    static {
        try {
            USERS = Files.createTempDirectory("web-app-test").resolve("users");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        UsersFile users = new UsersFile(USERS);
        users.put("coordinator", PASSWORD, Set.of(Role.COORDINATOR));
        users.put("viewer", PASSWORD, Set.of(Role.VIEWER));
        users.put("auditor", PASSWORD, Set.of(Role.AUDITOR));
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("tracker.web.command-service-url", COMMANDS::url);
        registry.add("tracker.web.query-service-url", QUERIES::url);
        registry.add("tracker.access.users-file", USERS::toString);
        registry.add("tracker.web.timeout", () -> "2s");
    }

    @AfterAll
    static void stop() {
        COMMANDS.close();
        QUERIES.close();
    }

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void answers() {
        COMMANDS.requests.clear();
        QUERIES.requests.clear();
        QUERIES.answer("GET /api/countries", 200, """
                {"today": "2026-11-29", "page": 0, "size": 50, "total": 1, "countries": [{"country": "KAZ",
                 "letters": 1, "answered": 0, "awaiting": 1, "overdue": 1, "responseRate": 0.0, "lastLetterOn": "2012-10-18"}]}""");
        QUERIES.answer("GET /api/recommendations", 200, """
                {"page": 0, "size": 50, "total": 1, "counts": {"NOT_ASSESSED": 1}, "recommendations": [
                 {"recommendationId": "rec-1", "country": "KAZ", "text": "Ban <script>alert(1)</script> torture",
                  "mechanism": "NGO", "sources": [], "themes": [], "timesUrged": 1, "implementationStatus": "NOT_ASSESSED"}]}""");
    }

    @Test
    void withoutSignInEveryPageLeadsToTheSignInForm() throws Exception {
        mvc.perform(get("/countries")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/signin"));
        mvc.perform(get("/signin")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void theRedirectsAroundSignInStayOnThisSiteWhateverHostTheRequestNames() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/countries").header("Host", "evil.example").session(session))
                .andExpect(redirectedUrl("/signin"));
        mvc.perform(post("/signin").param("username", "viewer").param("password", PASSWORD).with(csrf())
                        .session(session).header("Host", "evil.example"))
                .andExpect(redirectedUrl("/countries?continue"));
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneSignsIn() throws Exception {
        mvc.perform(formLogin("/signin").user("coordinator").password("wrong"))
                .andExpect(redirectedUrl("/signin?error"));
        mvc.perform(formLogin("/signin").user("coordinator").password(PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void pagesSendHeadersThatKeepThemFromBeingFramedSniffedOrMadeToRunOtherScripts() throws Exception {
        MockHttpSession session = signIn("viewer");
        mvc.perform(get("/countries").session(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void aTextFromTheServicesIsShownAsTextNeverRun() throws Exception {
        String board = page(signIn("viewer"), "/recommendations?country=KAZ");
        assertThat(board).contains("Ban &lt;script&gt;alert(1)&lt;/script&gt; torture").doesNotContain("<script>alert");
    }

    @Test
    void theReadsGoToTheQueryServiceAsTheSignedInUserWithTheFiltersGiven() throws Exception {
        mvc.perform(get(java.net.URI.create("/recommendations?country=kaz&status=IMPLEMENTED&q=LGBTI%2B%20%7Brights%7D"))
                .session(signIn("viewer"))).andExpect(status().isOk());
        FakeService.Request read = QUERIES.requestsTo("GET /api/recommendations").get(0);
        assertThat(read.uri()).contains("country=kaz").contains("status=IMPLEMENTED")
                .contains("q=LGBTI%2B+%7Brights%7D");
        assertThat(read.header("Authorization")).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString(("viewer:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void anExportIsPassedOnAsTheQueryServiceSendsItWithTheFiltersButNotThePage() throws Exception {
        String rows = "\uFEFFrecommendationId,country\r\n" + "\"rec-1\",\"KAZ\"\r\n".repeat(20_000);
        QUERIES.answerDownload("GET /api/recommendations", "text/csv;charset=UTF-8", "board-KAZ.csv", rows);

        MvcResult export = mvc.perform(get("/export/board?country=KAZ&page=3&size=10").session(signIn("viewer")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"board-KAZ.csv\""))
                .andReturn();

        assertThat(export.getResponse().getContentType()).startsWith("text/csv");
        assertThat(export.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(rows);
        String asked = QUERIES.requestsTo("GET /api/recommendations").get(0).uri();
        assertThat(asked).contains("country=KAZ").contains("format=csv")
                .doesNotContain("page=").doesNotContain("size=");
    }

    @Test
    void anExportTheQueryServiceRefusesIsRefusedWithItsStatus() throws Exception {
        QUERIES.answer("GET /api/audit", 403, "{\"title\": \"Forbidden\", \"detail\": \"auditors only\"}");

        mvc.perform(get("/export/audit").session(signIn("viewer"))).andExpect(status().isForbidden());
    }

    @Test
    void theAuditTrailVerifiesEveryChainOnlyWhenAsked() throws Exception {
        QUERIES.answer("GET /api/audit", 200, """
                {"page": 0, "size": 50, "total": 1, "entries": [{"eventId": "e-1", "country": "KAZ", "position": 1,
                 "type": "LetterSent", "aggregateType": "Letter", "aggregateId": "l-1", "sequence": 0,
                 "actor": "coordinator", "source": "a source", "recordedAt": "2026-01-01T10:00:00Z",
                 "hash": "abcdef0123456789abcdef"}]}""");
        QUERIES.answer("GET /api/audit/verification", 200, """
                {"valid": true, "entries": 1, "pending": 0, "countries": []}""");
        MockHttpSession auditor = signIn("auditor");

        String trail = page(auditor, "/audit?country=KAZ");
        assertThat(trail).contains("Verify every chain").doesNotContain("hash chain verifies");
        assertThat(QUERIES.requestsTo("GET /api/audit/verification")).isEmpty();

        String verified = page(auditor, "/audit?country=KAZ&verify=true");
        assertThat(verified).contains("Every country's hash chain verifies").doesNotContain("Verify every chain");
        assertThat(QUERIES.requestsTo("GET /api/audit/verification")).hasSize(1);
    }

    @Test
    void aViewerGetsNoFormAndCannotPostOne() throws Exception {
        MockHttpSession viewer = signIn("viewer");
        mvc.perform(get("/record/letter").session(viewer)).andExpect(status().isForbidden());
        mvc.perform(post("/record/letter").session(viewer).with(csrf()).param("country", "KAZ"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/audit").session(viewer)).andExpect(status().isForbidden());
        assertThat(page(viewer, "/countries")).doesNotContain("Record a letter");
        assertThat(COMMANDS.requests).isEmpty();
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIsRefusedAndNothingIsRecorded() throws Exception {
        MvcResult refused = mvc.perform(post("/record/letter").session(signIn("coordinator")).param("country", "KAZ")
                .param("action", "record")).andExpect(status().isForbidden()).andReturn();
        assertThat(refused.getResponse().getForwardedUrl()).isEqualTo("/denied");
        assertThat(COMMANDS.requests).isEmpty();
    }

    @Test
    void aRefusedLetterShowsEachMessageBesideItsFieldKeepsWhatWasTypedAndGetsANewIdempotencyKey() throws Exception {
        COMMANDS.answer("POST /api/letters", 400, """
                {"title": "Invalid request", "status": 400, "detail": "sentOn: must not be null; ...",
                 "field": "sentOn", "errors": [{"field": "sentOn", "message": "must not be null"},
                 {"field": "recommendations[1].sources[0].symbol", "message": "must be a UN document symbol"}]}""");
        MockHttpSession coordinator = signIn("coordinator");
        String html = mvc.perform(post("/record/letter").session(coordinator).with(csrf())
                        .param("action", "record").param("idempotencyKey", "key-1").param("country", "KAZ")
                        .param("subject", "Kept <b>as typed</b>").param("picked", "rec-1")
                        .param("newRecommendations[0].text", "A new one").param("newRecommendations[0].symbol", "bad!"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("id=\"sentOn-error\">must not be null");
        assertThat(html).containsPattern("id=\"new-symbol-error-0\"[^>]*>must be a UN document symbol");
        assertThat(html).contains("value=\"Kept &lt;b&gt;as typed&lt;/b&gt;\"").contains("value=\"bad!\"");
        assertThat(html).doesNotContain("value=\"key-1\"");
        FakeService.Request sent = COMMANDS.requestsTo("POST /api/letters").get(0);
        assertThat(sent.header("Idempotency-Key")).isEqualTo("key-1");
        assertThat(sent.body()).contains("{\"recommendationId\":\"rec-1\"}").contains("\"symbol\":\"bad!\"")
                .contains("\"sentOn\":null");
    }

    @Test
    void whenTheEventStoreIsAwayTheFormKeepsItsKeySoThatTryingAgainCannotRecordTwice() throws Exception {
        COMMANDS.answer("POST /api/letters/letter-1/follow-ups", 503, """
                {"title": "Event store unavailable", "status": 503, "detail": "The event store cannot be reached"}""");
        QUERIES.answer("GET /api/countries/KAZ/timeline", 200, """
                {"country": "KAZ", "page": 0, "size": 500, "total": 1, "entries": [{"eventId": "e-1",
                 "type": "LetterSent", "occurredOn": "2012-10-18", "recordedAt": "2026-11-28T10:00:00Z",
                 "summary": "Letter sent", "letterId": "letter-1", "recommendationIds": ["rec-1"], "actor": "demo-data"}],
                 "openLetters": []}""");
        String html = mvc.perform(post("/record/countries/KAZ/letters/letter-1/follow-up").session(signIn("coordinator"))
                        .with(csrf()).param("idempotencyKey", "key-2").param("fields[sentOn]", "2013-01-15")
                        .param("fields[summary]", "Reminder"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("may or may not have been recorded").contains("value=\"key-2\"")
                .contains(">Reminder</textarea>");
    }

    @Test
    void aRecordedResponseSendsAPositionOnlyWhereOneWasChosenAndLeadsBackToTheCountry() throws Exception {
        QUERIES.answer("GET /api/countries/KAZ/timeline", 200, """
                {"country": "KAZ", "page": 0, "size": 500, "total": 1, "entries": [{"eventId": "e-1",
                 "type": "LetterSent", "occurredOn": "2012-10-18", "recordedAt": "2026-11-28T10:00:00Z",
                 "summary": "Letter sent", "letterId": "letter-1", "recommendationIds": ["rec-1", "rec-2"],
                 "actor": "demo-data"}], "openLetters": []}""");
        COMMANDS.answer("POST /api/letters/letter-1/responses", 201, "{\"responseId\": \"response-1\"}");
        mvc.perform(post("/record/countries/KAZ/letters/letter-1/response").session(signIn("coordinator")).with(csrf())
                        .param("receivedOn", "2013-02-20").param("from", "Ministry").param("positions[rec-1]", "")
                        .param("positions[rec-2]", "SUPPORTED"))
                .andExpect(redirectedUrl("/countries/KAZ"));
        String body = COMMANDS.requestsTo("POST /api/letters/letter-1/responses").get(0).body();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("positions").toString())
                .isIn("[{\"recommendationId\":\"rec-2\",\"position\":\"SUPPORTED\"}]",
                        "[{\"position\":\"SUPPORTED\",\"recommendationId\":\"rec-2\"}]");
        // The letter is looked up among the timeline's letters only.
        List<FakeService.Request> lookups = QUERIES.requestsTo("GET /api/countries/KAZ/timeline");
        assertThat(lookups.get(lookups.size() - 1).uri()).contains("type=LetterSent");
    }

    @Test
    void aPathThatIsNotACountryOrAnIdNeverReachesTheServices() throws Exception {
        MockHttpSession viewer = signIn("viewer");
        mvc.perform(get("/countries/..%2Fadmin").session(viewer)).andExpect(status().is4xxClientError());
        mvc.perform(get("/countries/KA1").session(viewer)).andExpect(status().isNotFound());
        mvc.perform(get("/record/countries/KAZ/letters/a.b/response").session(signIn("coordinator")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/recommendations/a.b").session(viewer)).andExpect(status().isNotFound());
        assertThat(QUERIES.requests).isEmpty();
    }

    @Test
    void whileTheSameKeyIsStillBeingRecordedTheFormSaysItMayHaveBeenAndKeepsItsKey() throws Exception {
        COMMANDS.answer("POST /api/letters/letter-1/follow-ups", 409, """
                {"title": "Conflict", "status": 409, "detail": "a request with this Idempotency-Key is still being handled",
                 "field": "Idempotency-Key"}""");
        answerTheDemoLetter();
        String html = mvc.perform(post("/record/countries/KAZ/letters/letter-1/follow-up").session(signIn("coordinator"))
                        .with(csrf()).param("idempotencyKey", "key-3").param("fields[sentOn]", "2013-01-15")
                        .param("fields[summary]", "Reminder"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Perhaps recorded.").contains("value=\"key-3\"").doesNotContain("Not recorded.");
    }

    @Test
    void whenCommandServiceDoesNotAnswerInTimeTheFormKeepsWhatWasTypedAndItsKey() throws Exception {
        COMMANDS.answerLate("POST /api/letters/letter-1/follow-ups", 4000, 201, "{}");
        answerTheDemoLetter();
        String html = mvc.perform(post("/record/countries/KAZ/letters/letter-1/follow-up").session(signIn("coordinator"))
                        .with(csrf()).param("idempotencyKey", "key-4").param("fields[sentOn]", "2013-01-15")
                        .param("fields[summary]", "Reminder sent late"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Perhaps recorded.").contains("did not answer in time").contains("value=\"key-4\"")
                .contains(">Reminder sent late</textarea>");
    }

    @Test
    void aCountryAsOfADayIsDrawnUpToThatDayAndItsLettersShowWhatEachUrged() throws Exception {
        QUERIES.answer("GET /api/countries/KAZ", 200, """
                {"country": "KAZ", "letters": 1, "answered": 0, "awaiting": 1, "overdue": 0}""");
        answerTheDemoLetter();
        QUERIES.answer("GET /api/recommendations", 200, """
                {"page": 0, "size": 500, "total": 1, "counts": {}, "recommendations": [{"recommendationId": "rec-1",
                 "country": "KAZ", "text": "Abolish the death penalty", "mechanism": "UPR", "latestPosition": "NOTED",
                 "sources": [{"symbol": "A/HRC/14/10", "paragraph": "97.16", "recommendingStates": ["France"]}],
                 "themes": [], "timesUrged": 1, "implementationStatus": "NOT_ASSESSED"}]}""");
        String html = page(signIn("viewer"), "/countries/KAZ?asOf=2013-01-01");
        assertThat(html).contains("today, 1 Jan 2013").contains("Abolish the death penalty").contains("NOTED")
                .contains("A/HRC/14/10 para 97.16");
        assertThat(QUERIES.requestsTo("GET /api/countries/KAZ/timeline").get(0).uri()).contains("asOf=2013-01-01");
        assertThat(QUERIES.requestsTo("GET /api/recommendations").get(0).uri()).contains("id=rec-1")
                .contains("asOf=2013-01-01");
    }

    @Test
    void datesOfAnyYearTheQueryServiceShowsAreShownAsTheyAreAndTakeNoPageDown() throws Exception {
        QUERIES.answer("GET /api/countries", 200, """
                {"today": "2026-11-29", "page": 0, "size": 50, "total": 1, "countries": [{"country": "NZL",
                 "letters": 2, "answered": 1, "awaiting": 1, "overdue": 1, "responseRate": 0.5,
                 "medianDaysToAnswer": 730484999633.0, "lastLetterOn": "+999999999-12-31"}]}""");
        QUERIES.answer("GET /api/countries/NZL", 200, """
                {"country": "NZL", "letters": 2, "answered": 1, "awaiting": 1, "overdue": 1,
                 "medianDaysToAnswer": 730484999633.0, "lastLetterOn": "+999999999-12-31"}""");
        String awaiting = """
                {"letterId": "letter-early", "country": "NZL", "subject": "Sent in year -9999999",
                 "recipient": "Minister", "sentOn": "-9999999-01-01", "responseDueBy": "-9999999-03-01",
                 "daysWaited": 3652429000, "overdue": true, "daysOverdue": 3652428940, "followUps": 1,
                 "lastFollowUpOn": "+9999999-12-31"}""";
        QUERIES.answer("GET /api/letters/awaiting", 200, "{\"today\": \"2026-11-29\", \"total\": 1, \"letters\": ["
                + awaiting + "]}");
        QUERIES.answer("GET /api/countries/NZL/timeline", 200, """
                {"country": "NZL", "page": 0, "size": 500, "total": 4, "entries": [
                 {"eventId": "e-1", "type": "LetterSent", "occurredOn": "-9999999-01-01",
                  "recordedAt": "2026-11-28T10:00:00Z", "summary": "Letter sent", "letterId": "letter-early",
                  "recommendationIds": [], "actor": "coordinator"},
                 {"eventId": "e-2", "type": "LetterSent", "occurredOn": "2012-10-18",
                  "recordedAt": "2026-11-28T10:00:00Z", "summary": "Letter sent", "letterId": "letter-1",
                  "recommendationIds": [], "actor": "coordinator"},
                 {"eventId": "e-3", "type": "FollowUpSent", "occurredOn": "+9999999-12-31",
                  "recordedAt": "2026-11-28T10:00:00Z", "summary": "Reminder", "letterId": "letter-early",
                  "actor": "coordinator"},
                 {"eventId": "e-4", "type": "ResponseReceived", "occurredOn": "+999999999-12-31",
                  "recordedAt": "2026-11-28T10:00:00Z", "summary": "At last", "letterId": "letter-1",
                  "actor": "coordinator"}], "openLetters": [""" + awaiting + "]}");
        MockHttpSession viewer = signIn("viewer");

        assertThat(page(viewer, "/countries")).contains("+999999999-12-31");
        assertThat(page(viewer, "/letters/awaiting")).contains("-9999999-01-01").contains("3652428940");
        assertThat(page(viewer, "/countries/NZL")).contains("+9999999-12-31").contains("1 Jan -9999999")
                .contains("31 Dec +999999999");
    }

    @Test
    void aCoordinatorCorrectsEachFactOnWhatItIsAFactOfAndARetractionOnNothing() throws Exception {
        QUERIES.answer("GET /api/countries/KAZ", 200, """
                {"country": "KAZ", "letters": 1, "answered": 1, "awaiting": 0, "overdue": 0}""");
        QUERIES.answer("GET /api/countries/KAZ/timeline", 200, """
                {"country": "KAZ", "page": 0, "size": 500, "total": 4, "entries": [
                 {"eventId": "e-1", "type": "LetterSent", "occurredOn": "2012-10-18",
                  "recordedAt": "2026-11-28T10:00:00Z", "summary": "Letter sent", "letterId": "letter-1",
                  "recommendationIds": ["rec-1"], "actor": "coordinator"},
                 {"eventId": "e-2", "type": "ResponseReceived", "occurredOn": "2012-11-20",
                  "recordedAt": "2026-11-28T10:00:00Z", "summary": "Ministry answered", "letterId": "letter-1",
                  "recommendationIds": ["rec-1"], "actor": "coordinator"},
                 {"eventId": "e-3", "type": "PositionRecorded", "occurredOn": "2010-06-10",
                  "recordedAt": "2026-11-28T10:00:00Z", "summary": "Noted", "recommendationIds": ["rec-1"],
                  "actor": "coordinator"},
                 {"eventId": "e-4", "type": "FactRetracted", "occurredOn": "2013-01-05",
                  "recordedAt": "2026-11-28T10:00:00Z", "summary": "A fact retracted", "letterId": "letter-1",
                  "recommendationIds": [], "actor": "coordinator"}],
                 "openLetters": []}""");
        QUERIES.answer("GET /api/recommendations", 200, """
                {"page": 0, "size": 500, "total": 0, "counts": {}, "recommendations": []}""");

        String html = page(signIn("coordinator"), "/countries/KAZ");

        assertThat(html).contains("of=letters&amp;id=letter-1&amp;eventId=e-1")
                .contains("of=letters&amp;id=letter-1&amp;eventId=e-2")
                .contains("of=recommendations&amp;id=rec-1&amp;eventId=e-3")
                .doesNotContain("eventId=e-4");
        assertThat(html.split("class=\"correct\"", -1)).hasSize(4);
    }

    @Test
    void aPublicationShowsOnItsLettersCardAndIsRecordedByItsFormWithARefusalBesideItsField() throws Exception {
        QUERIES.answer("GET /api/countries/KAZ", 200, """
                {"country": "KAZ", "letters": 1, "answered": 0, "awaiting": 1, "overdue": 0}""");
        QUERIES.answer("GET /api/countries/KAZ/timeline", 200, """
                {"country": "KAZ", "page": 0, "size": 500, "total": 2, "entries": [
                 {"eventId": "e-1", "type": "LetterSent", "occurredOn": "2012-10-18",
                  "recordedAt": "2026-11-28T10:00:00Z", "summary": "Letter sent", "letterId": "letter-1",
                  "recommendationIds": [], "actor": "coordinator"},
                 {"eventId": "e-2", "type": "LetterPublished", "occurredOn": "2012-10-25",
                  "recordedAt": "2026-11-28T10:00:00Z", "summary": "Letter published at https://example.org/letter",
                  "letterId": "letter-1", "recommendationIds": [], "actor": "coordinator"}],
                 "openLetters": []}""");
        QUERIES.answer("GET /api/recommendations", 200, """
                {"page": 0, "size": 500, "total": 0, "counts": {}, "recommendations": []}""");
        MockHttpSession coordinator = signIn("coordinator");

        String country = page(coordinator, "/countries/KAZ");

        assertThat(country).contains("<h4>Published</h4>").contains("Letter published at https://example.org/letter")
                .contains("of=letters&amp;id=letter-1&amp;eventId=e-2")
                .contains("/record/countries/KAZ/letters/letter-1/publication")
                .contains("class=\"mark publication");

        COMMANDS.answer("POST /api/letters/letter-1/publication", 400, """
                {"title": "Invalid request", "status": 400, "detail": "url: must be a web address",
                 "field": "url", "errors": [{"field": "url",
                 "message": "must be a web address beginning with http:// or https://"}]}""");
        String refused = mvc.perform(post("/record/countries/KAZ/letters/letter-1/publication").session(coordinator)
                        .with(csrf()).param("idempotencyKey", "key-5").param("fields[publishedOn]", "2012-10-25")
                        .param("fields[url]", "example.org/letter"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("<h1>Record a publication</h1>")
                .contains("id=\"url-error\">must be a web address beginning with http:// or https://")
                .contains("value=\"example.org/letter\"");

        COMMANDS.answer("POST /api/letters/letter-1/publication", 201, "");
        mvc.perform(post("/record/countries/KAZ/letters/letter-1/publication").session(coordinator).with(csrf())
                        .param("idempotencyKey", "key-6").param("fields[publishedOn]", "2012-10-25")
                        .param("fields[url]", ""))
                .andExpect(redirectedUrl("/countries/KAZ"));
        List<FakeService.Request> sent = COMMANDS.requestsTo("POST /api/letters/letter-1/publication");
        assertThat(sent.get(sent.size() - 1).body()).isEqualTo("{\"publishedOn\":\"2012-10-25\",\"url\":null,\"source\":null}");
    }

    private static void answerTheDemoLetter() {
        QUERIES.answer("GET /api/countries/KAZ/timeline", 200, """
                {"country": "KAZ", "page": 0, "size": 500, "total": 1, "entries": [{"eventId": "e-1",
                 "type": "LetterSent", "occurredOn": "2012-10-18", "recordedAt": "2026-11-28T10:00:00Z",
                 "summary": "Letter sent", "letterId": "letter-1", "recommendationIds": ["rec-1"], "actor": "demo-data"}],
                 "openLetters": []}""");
    }

    private MockHttpSession signIn(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/signin").user(user).password(PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
