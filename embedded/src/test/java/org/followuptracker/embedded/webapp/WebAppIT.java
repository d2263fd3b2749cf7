package org.followuptracker.embedded.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.followuptracker.access.Role;
import org.followuptracker.access.UsersFile;
import org.followuptracker.embedded.FreePorts;
import org.followuptracker.embedded.InProcessKafka;
import org.followuptracker.embedded.InProcessMongo;
import org.followuptracker.embedded.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web app in a real browser (headless Chromium), against the whole tracker running as in the embedded default:
 * Kafka, the MongoDB-wire server, both services and the web app, each service a process of its own, with the demo
 * letter of 2012. A coordinator records a letter and a response through the forms and sees the country's picture,
 * its list and the board follow; a viewer sees no forms and the API refuses the viewer's writes. The screenshots of
 * the country page and the board are kept in {@code embedded/target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppIT {

    private static final String PASSWORD = "browser test password";
    private static final String SUBJECT = "Follow-up on torture safeguards and the ICESCR";
    private static final String SCRIPTED = "Publish the <script>alert('x')</script> report on detention conditions.";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("tracker.screenshots", "target/screenshots"));
    private static final List<AutoCloseable> RUNNING = new ArrayList<>();
    private static ServiceProcess commandService;
    private static Browser browser;

    @BeforeAll
    static void startEverything() throws IOException {
        Path data = Files.createTempDirectory("tracker-web");
        InProcessKafka kafka = InProcessKafka.start(data.resolve("kafka"), FreePorts.next(), FreePorts.next());
        RUNNING.add(kafka);
        InProcessMongo mongo = InProcessMongo.startInMemory(FreePorts.next());
        RUNNING.add(mongo);
        UsersFile users = new UsersFile(data.resolve("users"));
        users.put("coordinator", PASSWORD, Set.of(Role.COORDINATOR));
        users.put("viewer", PASSWORD, Set.of(Role.VIEWER));
        PrintStream log = new PrintStream(Files.newOutputStream(data.resolve("services.log")), true);
        System.out.println("Web app in a browser: services log to " + data.resolve("services.log"));
        commandService = ServiceProcess.start("command-service", jar("command-service"), FreePorts.next(), List.of(
                "--tracker.data-dir=" + data,
                "--tracker.demo.enabled=true",
                "--tracker.access.users-file=" + users.path(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers()), log);
        RUNNING.add(commandService);
        ServiceProcess queryService = ServiceProcess.start("query-service", jar("query-service"), FreePorts.next(),
                List.of("--spring.data.mongodb.uri=" + mongo.uri("web"),
                        "--tracker.access.users-file=" + users.path(),
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers()), log);
        RUNNING.add(queryService);
        ServiceProcess webApp = ServiceProcess.start("web-app", jar("web-app"), FreePorts.next(), List.of(
                "--tracker.access.users-file=" + users.path(),
                "--tracker.web.command-service-url=" + commandService.baseUrl(),
                "--tracker.web.query-service-url=" + queryService.baseUrl()), log);
        RUNNING.add(webApp);
        commandService.awaitHealthy(Duration.ofMinutes(3));
        queryService.awaitHealthy(Duration.ofMinutes(3));
        webApp.awaitHealthy(Duration.ofMinutes(3));
        browser = new Browser(webApp.baseUrl());
        RUNNING.add(browser);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (int i = RUNNING.size() - 1; i >= 0; i--) {
            RUNNING.get(i).close();
        }
    }

    @Test
    @Order(1)
    void aCoordinatorSignsInAndSeesTheDemoLetterOnKazakhstansPage() {
        browser.signIn("coordinator", "wrong password");
        assertThat(browser.find("[role=alert]").getText()).contains("Wrong user name or password");

        browser.signIn("coordinator", PASSWORD);
        assertThat(browser.find("header .who").getText()).contains("coordinator");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            browser.open("/countries");
            assertThat(browser.find("#countries").getText()).contains("KAZ");
        });
        browser.driver.get(link("#countries a[href^='/countries/KAZ']"));
        assertThat(browser.find("#letters-heading ~ article.letter h3").getText())
                .contains("Kazakhstan's candidacy for election to the UN Human Rights Council");
        assertThat(browser.all("#timeline-picture .mark.letter")).hasSize(1);
        assertThat(browser.all("#timeline-picture .span.awaiting, #timeline-picture .span.overdue")).hasSize(1);
    }

    @Test
    @Order(2)
    void aRefusedLetterKeepsEverythingTypedAndShowsTheMessageBesideTheField() {
        browser.driver.get(link("a[href^='/record/letter?country=KAZ']"));
        assertThat(browser.find("#country").getAttribute("value")).isEqualTo("KAZ");
        browser.date("#sentOn", "2013-02-01");
        browser.type("#sender", "Amnesty International");
        browser.type("#recipient", "Minister of Foreign Affairs of the Republic of Kazakhstan");
        browser.type("#subject", SUBJECT);
        browser.date("#responseDueBy", "2013-03-01");
        browser.type("#new-text-0", "Strengthen safeguards against torture in police custody.");
        browser.type("#new-symbol-0", "A/HRC/14/10");
        browser.type("#new-paragraph-0", "95.42");
        browser.type("#new-states-0", "Australia");
        browser.submit("#add-recommendation");
        assertThat(browser.all("fieldset.new-recommendation")).hasSize(2);
        assertThat(browser.find("#new-text-0").getAttribute("value")).startsWith("Strengthen safeguards");
        browser.type("#new-text-1", SCRIPTED);
        browser.type("#new-symbol-1", "not a symbol!");
        // Urge one of the demo letter's items again, picked by search.
        browser.type("#search", "Optional Protocol");
        browser.submit("#search-button");
        List<WebElement> found = browser.all("#found input[type=checkbox]");
        assertThat(found).isNotEmpty();
        found.get(0).click();

        browser.submit("#record");

        assertThat(browser.find("[role=alert]").getText()).contains("Not recorded");
        WebElement symbolField = browser.find("#new-symbol-1").findElement(By.xpath(".."));
        assertThat(symbolField.getAttribute("class")).contains("invalid");
        assertThat(symbolField.findElement(By.cssSelector(".error")).getText()).contains("UN document symbol");
        // Nothing typed is lost.
        assertThat(browser.find("#subject").getAttribute("value")).isEqualTo(SUBJECT);
        assertThat(browser.find("#sentOn").getAttribute("value")).isEqualTo("2013-02-01");
        assertThat(browser.find("#new-text-1").getAttribute("value")).isEqualTo(SCRIPTED);
        assertThat(browser.find("#new-states-0").getAttribute("value")).isEqualTo("Australia");
        assertThat(browser.all("#picked input[type=checkbox]:checked")).hasSize(1);
    }

    @Test
    @Order(3)
    void theLetterIsRecordedAndTheTimelinePictureAndListShowIt() {
        browser.type("#new-symbol-1", "CAT/C/KAZ/CO/2");
        browser.submit("#record");

        assertThat(browser.driver.getCurrentUrl()).endsWith("/countries/KAZ");
        assertThat(browser.find(".flash").getText()).contains("Letter recorded").contains("3 recommendations");
        // The page updates itself once the query side has the letter: no reload.
        // (The picture and the list are read one after the other: the letter may reach one a moment before the other.)
        // The recommendation texts come from the board, a read model of their own, which may follow a moment later.
        eventually().untilAsserted(() -> {
            assertThat(browser.all("#timeline-picture .mark.letter")).hasSize(2);
            assertThat(browser.find("#timeline-list").getText()).contains(SUBJECT);
            WebElement letter = letterCard(SUBJECT);
            assertThat(letter.findElements(By.cssSelector("ol.urged li"))).hasSize(3);
            // Shown as text: the page has no script of its own to run it, and the reader sees the brackets.
            assertThat(letter.getText()).contains(SCRIPTED).contains("A/HRC/14/10 para 95.42");
        });
    }

    @Test
    @Order(4)
    void aResponseWithAPositionOnOneItemClosesTheGapAndReachesTheBoard() {
        browser.driver.get(eventually().until(() -> letterCard(SUBJECT)
                .findElement(By.partialLinkText("Record a response")).getAttribute("href"), java.util.Objects::nonNull));
        assertThat(browser.all(".position-row")).hasSize(3);
        browser.date("#receivedOn", "2013-02-20");
        browser.type("#from", "Ministry of Foreign Affairs of Kazakhstan");
        browser.type("#summary", "The Ministry refers to its election pledges.");
        WebElement first = browser.all(".position-row").get(0);
        String supported = first.findElement(By.tagName("label")).getText();
        new Select(first.findElement(By.tagName("select"))).selectByValue("SUPPORTED");
        browser.submit("#record");

        assertThat(browser.find(".flash").getText()).contains("Response recorded, with 1 position");
        eventually().untilAsserted(() -> {
            assertThat(browser.all("#timeline-picture .mark.response")).hasSize(1);
            assertThat(browser.all("#timeline-picture .span.answered")).hasSize(1);
            assertThat(letterCard(SUBJECT).findElement(By.cssSelector(".badge.answered")).getText()).isEqualTo("answered");
            assertThat(browser.find("#timeline-list").getText()).contains("The Ministry refers to its election pledges.");
        });
        browser.screenshot(SCREENSHOTS, "country-KAZ");

        eventually().untilAsserted(() -> {
            browser.open("/recommendations?country=KAZ&position=SUPPORTED");
            assertThat(browser.all("#board tbody tr")).hasSize(1);
            assertThat(browser.find("#board tbody tr").getText()).contains(supported).contains("SUPPORTED");
        });
        browser.open("/recommendations?country=KAZ");
        assertThat(browser.find("#board").getText()).contains(SCRIPTED);
        WebElement row = browser.find("#board").findElement(By.xpath(
                ".//tr[td/a[normalize-space(.)=" + xpathLiteral(supported) + "]]"));
        assertThat(row.getText()).contains("SUPPORTED");
        browser.screenshot(SCREENSHOTS, "board-KAZ");
        browser.resize(390, 844);
        browser.open("/countries/KAZ");
        browser.screenshot(SCREENSHOTS, "country-KAZ-phone");
        browser.resize(1280, 1000);
    }

    @Test
    @Order(5)
    void aViewerSeesNoFormsAndTheApiRefusesTheViewersWrites() throws Exception {
        browser.signOut();
        assertThat(browser.find(".flash").getText()).contains("signed out");
        browser.signIn("viewer", PASSWORD);
        browser.open("/countries/KAZ");
        eventually().untilAsserted(() -> assertThat(letterCard(SUBJECT).getText()).contains("answered"));
        assertThat(browser.all("a[href^='/record/']")).isEmpty();
        assertThat(browser.all("a.correct")).isEmpty();
        browser.open("/record/letter?country=KAZ");
        assertThat(browser.find("h1").getText()).isEqualTo("Not for your role");
        browser.open("/audit");
        assertThat(browser.find("h1").getText()).isEqualTo("Not for your role");

        HttpResponse<String> refused = post("viewer", "/api/letters", "{}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    @Test
    @Order(6)
    void whatSomeoneElseRecordsAppearsWithoutAReload() throws Exception {
        browser.open("/countries/KAZ");
        String demoLetterId = eventually().until(() -> browser.find("#letters-heading ~ article.letter:last-of-type")
                .getAttribute("id"), java.util.Objects::nonNull).substring("letter-".length());
        HttpResponse<String> followUp = post("coordinator", "/api/letters/" + demoLetterId + "/follow-ups", """
                {"sentOn": "2013-01-15", "summary": "Reminder: we await your answer on the pledges"}""");
        assertThat(followUp.statusCode()).isEqualTo(201);
        eventually().untilAsserted(() -> {
            assertThat(browser.all("#timeline-picture .mark.follow-up")).hasSize(1);
            assertThat(browser.find("#timeline-list").getText()).contains("Reminder: we await your answer");
        });
        // Swapped in by the page's own refresh (a reload would have started a page without this mark).
        assertThat(browser.find("main").getAttribute("data-refreshed")).isNotBlank();
    }

    /**
     * Waits for what the page shows: an element may not be there yet, or go stale as the page swaps its content in
     * a refresh.
     */
    private static org.awaitility.core.ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsMatching(e -> e instanceof StaleElementReferenceException
                        || e instanceof NoSuchElementException);
    }

    /** Where a link on a page that refreshes itself leads. */
    private static String link(String css) {
        return eventually().until(() -> browser.find(css).getAttribute("href"), java.util.Objects::nonNull);
    }

    private static WebElement letterCard(String subject) {
        return browser.all("article.letter").stream().filter(card -> card.getText().contains(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no letter card with " + subject));
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "concat('" + text.replace("'", "', \"'\", '") + "')" : "'" + text + "'";
    }

    private static HttpResponse<String> post(String user, String path, String body) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(commandService.baseUrl() + path))
                .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path jar(String service) {
        Path jar = Path.of(System.getProperty("tracker." + service + "-jar", "../" + service + "/target/" + service + ".jar"));
        assertThat(jar).as("the " + service + " jar; run the tests with ./mvnw verify").isRegularFile();
        return jar;
    }
}
