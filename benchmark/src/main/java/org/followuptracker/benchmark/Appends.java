package org.followuptracker.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.followuptracker.embedded.ServiceProcess;

/**
 * B1: commands over HTTP (a letter urging one new recommendation: two events in one transaction), closed loop with
 * 1, 4 and 16 clients; and its baseline, single-row INSERT transactions into a table shaped like the event table.
 */
final class Appends {

    /** What one run with a number of clients did. */
    record Run(int clients, long done, long failed, double perSecond, double p50, double p99) {
    }

    private final Api api = new Api();
    private final List<String> countries;

    Appends(List<String> countries) {
        this.countries = countries;
    }

    Run commands(ServiceProcess commandService, int clients, long millis) throws InterruptedException {
        return closedLoop(clients, millis, () -> {
            Api.Answer answer = api.post(commandService, "/api/letters", letter(), "coordinator");
            return answer.ok();
        });
    }

    /** Single-row INSERT transactions (autocommit) into a copy of the event table, each client on its connection. */
    Run baseline(DataSource dataSource, int clients, long millis) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // The event table's shape, with a sequence of its own: sharing the event table's would leave gaps in the
            // global index, which the relay's gap-aware token then tracks (it ran the command service out of heap).
            statement.execute("CREATE TABLE IF NOT EXISTS bench_baseline (globalindex BIGSERIAL PRIMARY KEY, "
                    + "aggregateidentifier VARCHAR(255) NOT NULL, sequencenumber BIGINT NOT NULL, type VARCHAR(255), "
                    + "eventidentifier VARCHAR(255) NOT NULL UNIQUE, metadata BYTEA, payload BYTEA NOT NULL, "
                    + "payloadrevision VARCHAR(255), payloadtype VARCHAR(255) NOT NULL, timestamp VARCHAR(255) NOT NULL, "
                    + "UNIQUE (aggregateidentifier, sequencenumber))");
        }
        byte[] payload = letter().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ThreadLocal<PreparedStatement> statements = new ThreadLocal<>();
        List<Connection> opened = new ArrayList<>();
        try {
            return closedLoop(clients, millis, () -> {
                try {
                    PreparedStatement insert = statements.get();
                    if (insert == null) {
                        Connection connection = dataSource.getConnection();
                        synchronized (opened) {
                            opened.add(connection);
                        }
                        insert = connection.prepareStatement("INSERT INTO bench_baseline (aggregateidentifier, "
                                + "sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, "
                                + "payloadtype, timestamp) VALUES (?, 0, 'Letter', ?, ?, ?, '1', "
                                + "'org.followuptracker.events.LetterSent', ?)");
                        statements.set(insert);
                    }
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, UUID.randomUUID().toString());
                    insert.setBytes(3, "{\"actor\":\"coordinator\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    insert.setBytes(4, payload);
                    insert.setString(5, Instant.now().toString());
                    insert.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    return false;
                }
            });
        } finally {
            for (Connection connection : opened) {
                connection.close();
            }
        }
    }

    private interface Attempt {
        boolean run();
    }

    private static Run closedLoop(int clients, long millis, Attempt attempt) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + millis * 1_000_000;
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long begun = System.nanoTime();
                    if (attempt.run()) {
                        latencies.add(System.nanoTime() - begun);
                    } else {
                        failed.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Run(clients, latencies.count(), failed.get(), latencies.count() / seconds,
                latencies.percentileMillis(50), latencies.percentileMillis(99));
    }

    String letter() {
        return letter(countries.get(ThreadLocalRandom.current().nextInt(countries.size())));
    }

    /** A letter to {@code country} urging one new recommendation. */
    String letter(String country) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return """
                {"country": "%s", "sentOn": "2026-10-%02d", "sender": "Amnesty International",
                 "recipient": "Minister of Foreign Affairs", "subject": "Benchmark letter %d",
                 "recommendations": [{"text": "Abolish the death penalty %d",
                   "sources": [{"symbol": "A/HRC/14/10", "paragraph": "95.%d", "recommendingStates": ["Australia"]}]}],
                 "source": "benchmark"}""".formatted(country, 1 + random.nextInt(28), random.nextInt(1_000_000),
                random.nextInt(1_000_000), random.nextInt(100));
    }
}
