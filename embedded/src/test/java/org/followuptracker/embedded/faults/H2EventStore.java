package org.followuptracker.embedded.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The command service's H2 event store as its file holds it now: a copy of the file, opened on its own. The service
 * holds the file's lock while it runs; what the copy reads is what the operating system has of the file, which is
 * what a service started again after a crash finds.
 */
final class H2EventStore {

    private H2EventStore() {
    }

    /** {@code file}: the store's {@code events.mv.db}. */
    static Connection open(Path file) throws SQLException {
        try {
            Path copy = Files.createTempDirectory("event-store-copy");
            Files.copy(file, copy.resolve("events.mv.db"));
            copy.resolve("events.mv.db").toFile().deleteOnExit();
            copy.toFile().deleteOnExit();
            return DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("events") + ";ACCESS_MODE_DATA=r", "sa",
                    "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the event store " + file, e);
        }
    }
}
