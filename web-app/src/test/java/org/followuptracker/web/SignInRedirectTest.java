package org.followuptracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.followuptracker.access.Role;
import org.followuptracker.access.UsersFile;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The redirects around sign-in as the real server sends them, to a request whose {@code Host} header names another
 * site (written by hand: Java's HTTP client sets that header itself).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInRedirectTest {

    private static final String PASSWORD = "web app redirect test password";
    private static final Path USERS;

    static {
        try {
            USERS = Files.createTempDirectory("web-app-redirect-test").resolve("users");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        new UsersFile(USERS).put("viewer", PASSWORD, Set.of(Role.VIEWER));
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("tracker.web.command-service-url", () -> "http://127.0.0.1:9");
        registry.add("tracker.web.query-service-url", () -> "http://127.0.0.1:9");
        registry.add("tracker.access.users-file", USERS::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void noRedirectAroundSignInGoesToTheSiteTheHostHeaderNames() throws Exception {
        String asked = exchange("GET /countries HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(header(asked, "Location")).isEqualTo("/signin");
        String session = header(asked, "Set-Cookie").split(";")[0];

        String form = exchange("GET /signin HTTP/1.1\r\nHost: evil.example\r\nCookie: " + session
                + "\r\nConnection: close\r\n\r\n");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        String body = "username=viewer&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        String signedIn = exchange("POST /signin HTTP/1.1\r\nHost: evil.example\r\nCookie: " + session
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(signedIn).startsWith("HTTP/1.1 302");
        assertThat(header(signedIn, "Location")).isEqualTo("/countries?continue");
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header(String response, String name) {
        for (String line : response.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }
}
