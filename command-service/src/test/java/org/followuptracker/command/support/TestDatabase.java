package org.followuptracker.command.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The event store the tests run against: PostgreSQL where one answers at 127.0.0.1:5432 (CI sets
 * {@code TRACKER_TEST_DATABASE=postgresql} so that a missing one fails instead of falling back), otherwise an
 * in-memory H2. Each Spring context gets a schema of its own, so tests never see each other's events.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (usePostgres()) {
            registry.add("spring.datasource.url",
                    () -> "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + name);
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "");
            registry.add("spring.flyway.schemas", () -> name);
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        }
    }

    public static boolean usePostgres() {
        String chosen = System.getenv("TRACKER_TEST_DATABASE");
        if ("postgresql".equalsIgnoreCase(chosen)) {
            return true;
        }
        if ("h2".equalsIgnoreCase(chosen)) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
