package org.followuptracker.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The arguments that point each service at the stores and the users file, for the end-to-end tests and the benchmark. */
public final class ServiceArguments {

    private ServiceArguments() {
    }

    /** The command service with its events in {@code schema} of the PostgreSQL at {@code jdbcUrl}, no demo letter. */
    public static List<String> commandServiceOnPostgres(Path dataDir, Path usersFile, String kafka, String jdbcUrl,
            String schema, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--tracker.data-dir=" + dataDir,
                "--tracker.demo.enabled=false",
                "--tracker.access.users-file=" + usersFile,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.flyway.schemas=" + schema));
        arguments.addAll(List.of(more));
        return arguments;
    }

    /** The query service on the read store at {@code mongoUri}. */
    public static List<String> queryService(String mongoUri, Path usersFile, String kafka, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.data.mongodb.uri=" + mongoUri,
                "--tracker.data-dir=" + usersFile.toAbsolutePath().getParent(),
                "--tracker.access.users-file=" + usersFile,
                "--spring.kafka.bootstrap-servers=" + kafka));
        arguments.addAll(List.of(more));
        return arguments;
    }
}
