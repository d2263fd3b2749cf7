package org.followuptracker.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.followuptracker.access.RememberingPasswordEncoder;
import org.followuptracker.access.Role;
import org.followuptracker.access.UsersFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The web app's sign-in form: throttled with the services' count, one bcrypt check per attempt (counted, not timed),
 * the same for a name that does not exist. Each test signs in from addresses of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignInTest {

    private static final String PASSWORD = "web app sign-in test password";
    private static final Path USERS;

    static {
        try {
            USERS = Files.createTempDirectory("web-app-sign-in-test").resolve("users");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UsersFile users = new UsersFile(USERS);
        for (String name : List.of("coordinator", "viewer", "auditor")) {
            users.put(name, PASSWORD, Set.of(Role.VIEWER));
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        // Signing in calls neither service.
        registry.add("tracker.web.command-service-url", () -> "http://127.0.0.1:9");
        registry.add("tracker.web.query-service-url", () -> "http://127.0.0.1:9");
        registry.add("tracker.access.users-file", USERS::toString);
    }

    @Autowired
    MockMvc mvc;

    @MockitoSpyBean
    RememberingPasswordEncoder passwords;

    @BeforeEach
    void countAfresh() {
        clearInvocations(passwords);
    }

    @Test
    void aWrongPasswordAndANameThatDoesNotExistEachCostOneBcryptCheckOfTheSameCost() throws Exception {
        signIn("coordinator", "wrong", "198.51.100.1").andExpect(redirectedUrl("/signin?error"));
        signIn("nobody", "wrong", "198.51.100.1").andExpect(redirectedUrl("/signin?error"));

        ArgumentCaptor<String> hashes = ArgumentCaptor.forClass(String.class);
        verify(passwords, atLeast(0)).matches(any(), hashes.capture());
        assertThat(hashes.getAllValues()).hasSize(2);
        assertThat(hashes.getAllValues().get(1).substring(0, 7)).isEqualTo(hashes.getAllValues().get(0).substring(0, 7))
                .isEqualTo("$2a$10$");
    }

    @Test
    void nineWrongPasswordsInARowDoNotKeepTheUserOut() throws Exception {
        for (int i = 0; i < 9; i++) {
            signIn("viewer", "wrong " + i, "198.51.100.2").andExpect(redirectedUrl("/signin?error"));
        }
        signIn("viewer", PASSWORD, "198.51.100.2").andExpect(redirectedUrl("/"));
    }

    @Test
    void aGuesserIsSlowedDownWhileTheUserStillSignsInFromAnAddressThatDidNotFail() throws Exception {
        for (int i = 0; i < 10; i++) {
            signIn("auditor", "wrong " + i, "198.51.100.3").andExpect(redirectedUrl("/signin?error"));
        }
        MockHttpSession guesser = new MockHttpSession();
        mvc.perform(post("/signin").param("username", "auditor").param("password", PASSWORD).with(csrf())
                        .with(from("198.51.100.3")).session(guesser))
                .andExpect(redirectedUrl("/signin?error"));
        String page = mvc.perform(get("/signin?error").session(guesser)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Too many failed sign-ins: try again in 3 minutes.");

        signIn("auditor", PASSWORD, "203.0.113.3").andExpect(redirectedUrl("/"));
    }

    private ResultActions signIn(String name, String password, String address) throws Exception {
        return mvc.perform(post("/signin").param("username", name).param("password", password).with(csrf())
                .with(from(address)));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
