package org.followuptracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;

/** The refusals of sign-in are problem bodies as RFC 9457 has them: no member a client would not expect. */
class ProblemResponsesTest {

    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/countries");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void aCallWithoutSignInGets401WithTheChallengeAndAProblemBody() throws Exception {
        ProblemResponses.unauthenticated("Basic realm=\"Follow-up Tracker\"")
                .commence(request, response, new BadCredentialsException("wrong"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"Follow-up Tracker\"");
        JsonNode body = problem(401);
        assertThat(body.get("type").asText()).isEqualTo("https://follow-up-tracker.org/problems/unauthenticated");
        assertThat(body.get("title").asText()).isEqualTo("Sign-in required");
    }

    @Test
    void aRoleThatMayNotGets403WithAProblemBody() throws Exception {
        ProblemResponses.forbidden().handle(request, response, new AccessDeniedException("no"));

        JsonNode body = problem(403);
        assertThat(body.get("type").asText()).isEqualTo("https://follow-up-tracker.org/problems/forbidden");
    }

    @Test
    void aSignInRefusedForTooManyFailuresGets429WithRetryAfterAndAProblemBody() throws Exception {
        ProblemResponses.unauthenticated("Basic realm=\"Follow-up Tracker\"")
                .commence(request, response, new SignInThrottled(Duration.ofSeconds(179).plusMillis(200)));

        assertThat(response.getHeader("Retry-After")).isEqualTo("180");
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
        JsonNode body = problem(429);
        assertThat(body.get("type").asText())
                .isEqualTo("https://follow-up-tracker.org/problems/too-many-sign-in-attempts");
        assertThat(body.get("detail").asText()).contains("180 s");
    }

    private JsonNode problem(int status) throws Exception {
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode body = new ObjectMapper().readTree(response.getContentAsString());
        List<String> members = new ArrayList<>();
        body.fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactly("type", "title", "status", "detail", "instance");
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asText()).isNotBlank();
        assertThat(body.get("instance").asText()).isEqualTo("/api/countries");
        return body;
    }
}
