package org.followuptracker.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Guessing passwords over the API: the guesser's address is slowed down with 429, the user who knows the password
 * still signs in from an address that did not fail.
 */
@SpringBootTest(properties = {
        "spring.kafka.listener.auto-startup=false",
        "spring.kafka.bootstrap-servers=127.0.0.1:1"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInThrottlingTest {

    private static final TestReadStore READ_STORE = new TestReadStore();
    private static final String GUESSER = "198.51.100.7";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("tracker.access.users-file", QueryApiTest::usersFile);
        registry.add("spring.data.mongodb.uri", () -> READ_STORE.uri("throttling-test"));
    }

    @Autowired
    MockMvc mvc;

    @AfterAll
    void stop() {
        READ_STORE.stop();
    }

    @Test
    void tenWrongPasswordsSlowTheGuesserWith429AndRetryAfterButNotTheUserElsewhere() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(call("auditor", "guess " + i, GUESSER).getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse refused = call("auditor", QueryApiTest.PASSWORD, GUESSER);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        // A try comes back three minutes after the first guess (the clock is real here).
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(120L, 180L);
        JsonNode problem = new ObjectMapper().readTree(refused.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("instance").asText()).isEqualTo("/api/countries");
        assertThat(problem.has("properties")).isFalse();
        assertThat(refused.getContentAsString()).doesNotContain(QueryApiTest.PASSWORD);

        assertThat(call("auditor", QueryApiTest.PASSWORD, "203.0.113.5").getStatus()).isEqualTo(200);
        assertThat(call("viewer", QueryApiTest.PASSWORD, GUESSER).getStatus()).isEqualTo(200);
    }

    @Test
    void aCallWithoutSignInGets401WithAProblemBody() throws Exception {
        MockHttpServletResponse refused = mvc.perform(get("/api/countries")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getHeader("WWW-Authenticate")).startsWith("Basic");
        JsonNode problem = new ObjectMapper().readTree(refused.getContentAsString());
        assertThat(problem.get("type").asText()).isEqualTo("https://follow-up-tracker.org/problems/unauthenticated");
        assertThat(problem.has("properties")).isFalse();
    }

    private MockHttpServletResponse call(String name, String password, String address) throws Exception {
        String basic = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        return mvc.perform(get("/api/countries").header("Authorization", "Basic " + basic).with(request -> {
            request.setRemoteAddr(address);
            return request;
        })).andReturn().getResponse();
    }
}
