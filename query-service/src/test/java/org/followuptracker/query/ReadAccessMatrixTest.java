package org.followuptracker.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every read endpoint tried without sign-in and with each role: the views are for every signed-in role, the audit
 * trail for auditors and admins, rebuilds and metrics for admins; everyone else gets 401 or 403 as a problem body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.listener.auto-startup=false",
        "spring.kafka.bootstrap-servers=127.0.0.1:1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadAccessMatrixTest {

    private static final TestReadStore READ_STORE = new TestReadStore();
    private static final List<String> EVERYONE = List.of("coordinator", "viewer", "auditor", "admin");
    private static final List<String> AUDITORS = List.of("auditor", "admin");
    private static final List<String> ADMINS = List.of("admin");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("tracker.access.users-file", QueryApiTest::usersFile);
        registry.add("spring.data.mongodb.uri", () -> READ_STORE.uri("read-access-test"));
    }

    @Autowired
    TestRestTemplate anonymous;

    @AfterAll
    void stop() {
        READ_STORE.stop();
    }

    @Test
    void eachRoleReadsExactlyWhatItMay() {
        Map<String, List<String>> allowed = Map.ofEntries(
                Map.entry("/api/countries/KAZ/timeline", EVERYONE),
                Map.entry("/api/countries/KAZ/timeline?format=csv", EVERYONE),
                Map.entry("/api/recommendations", EVERYONE),
                Map.entry("/api/recommendations?format=json", EVERYONE),
                Map.entry("/api/letters/awaiting", EVERYONE),
                Map.entry("/api/countries", EVERYONE),
                Map.entry("/api/countries/KAZ", EVERYONE),
                Map.entry("/api/audit", AUDITORS),
                Map.entry("/api/audit?format=csv", AUDITORS),
                Map.entry("/api/audit/verification", AUDITORS),
                Map.entry("/api/audit/checkpoints/latest", AUDITORS),
                Map.entry("/api/audit/checkpoints/latest/receipt", AUDITORS),
                Map.entry("/api/audit/checkpoints/public-key", AUDITORS),
                Map.entry("/api/admin/rebuilds/latest", ADMINS),
                Map.entry("/actuator/metrics", ADMINS));
        for (Map.Entry<String, List<String>> endpoint : allowed.entrySet()) {
            ResponseEntity<String> stranger = anonymous.getForEntity(endpoint.getKey(), String.class);
            assertThat(stranger.getStatusCode().value()).as("nobody " + endpoint.getKey()).isEqualTo(401);
            assertThat(stranger.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            for (String user : EVERYONE) {
                int status = anonymous.withBasicAuth(user, QueryApiTest.PASSWORD).getForEntity(endpoint.getKey(), String.class)
                        .getStatusCode().value();
                String what = user + " GET " + endpoint.getKey();
                if (endpoint.getValue().contains(user)) {
                    // 404: no rebuild has run yet; allowed all the same.
                    assertThat(status).as(what).isIn(200, 404);
                } else {
                    assertThat(status).as(what).isEqualTo(403);
                }
            }
        }
        for (String user : List.of("coordinator", "viewer", "auditor")) {
            for (String path : List.of("/api/admin/rebuilds", "/api/admin/read-model-checks")) {
                assertThat(anonymous.withBasicAuth(user, QueryApiTest.PASSWORD).postForEntity(path, null, String.class)
                        .getStatusCode().value()).as(user + " POST " + path).isEqualTo(403);
            }
        }
        assertThat(anonymous.postForEntity("/api/admin/rebuilds", null, String.class).getStatusCode().value()).isEqualTo(401);
    }
}
