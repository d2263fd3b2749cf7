package org.followuptracker.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Guessing passwords over the API: after ten wrong ones the name is locked, even for the right one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.listener.auto-startup=false",
        "spring.kafka.bootstrap-servers=127.0.0.1:1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInLockoutTest {

    private static final TestReadStore READ_STORE = new TestReadStore();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("tracker.access.users-file", QueryApiTest::usersFile);
        registry.add("spring.data.mongodb.uri", () -> READ_STORE.uri("lockout-test"));
    }

    @Autowired
    TestRestTemplate anonymous;

    @AfterAll
    void stop() {
        READ_STORE.stop();
    }

    @Test
    void tenWrongPasswordsLockTheNameWith429AndRetryAfterWhileOthersStillSignIn() throws Exception {
        String path = "/api/countries";
        for (int i = 0; i < 10; i++) {
            assertThat(anonymous.withBasicAuth("auditor", "guess " + i).getForEntity(path, String.class).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<String> locked = anonymous.withBasicAuth("auditor", QueryApiTest.PASSWORD).getForEntity(path,
                String.class);
        assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(locked.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(locked.getHeaders().getFirst("Retry-After"))).isBetween(800L, 900L);
        assertThat(new ObjectMapper().readTree(locked.getBody()).get("detail").asText()).contains("locked");
        // The password never shows in the answer.
        assertThat(locked.getBody()).doesNotContain(QueryApiTest.PASSWORD);

        assertThat(anonymous.withBasicAuth("viewer", QueryApiTest.PASSWORD).getForEntity(path, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
