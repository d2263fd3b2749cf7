package org.followuptracker.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real stack's sign-in: OIDC bearer tokens, here signed with a key made for the test (the service is given its
 * public half, as it would be given an issuer). Roles come from a nested claim; the user from preferred_username.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.access.mode=oidc",
        "tracker.access.roles-claim=realm_access.roles",
        "spring.kafka.listener.auto-startup=false",
        "spring.kafka.bootstrap-servers=127.0.0.1:1"})
class OidcSignInTest {

    private static final KeyPair KEYS = keys();
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        Path publicKey = Files.createTempFile("issuer", ".pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + publicKey);
        registry.add("spring.data.mongodb.uri",
                () -> "mongodb://" + MONGO_ADDRESS.getHostString() + ":" + MONGO_ADDRESS.getPort() + "/oidc-test");
    }

    @AfterAll
    static void stop() {
        MONGO.shutdownNow();
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void aTokenWithAReaderRoleReads() throws Exception {
        assertThat(get(token(List.of("VIEWER", "unrelated-role"))).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aTokenWithoutATrackerRoleIsForbiddenAndNoTokenIsUnauthenticated() throws Exception {
        assertThat(get(token(List.of("unrelated-role"))).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> none = http.getForEntity("/api/recommendations?country=KAZ", String.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(none.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        assertThat(get(token(List.of("VIEWER"), keys())).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<String> get(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange("/api/recommendations?country=KAZ", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static String token(List<String> roles) throws Exception {
        return token(roles, KEYS);
    }

    private static String token(List<String> roles, KeyPair signer) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("f7c2")
                .claim("preferred_username", "amina")
                .claim("realm_access", Map.of("roles", roles))
                .expirationTime(new Date(System.currentTimeMillis() + 60_000))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) signer.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
