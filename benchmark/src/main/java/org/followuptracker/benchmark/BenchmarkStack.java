package org.followuptracker.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.followuptracker.access.Role;
import org.followuptracker.access.UsersFile;
import org.followuptracker.embedded.FreePorts;
import org.followuptracker.embedded.InProcessKafka;
import org.followuptracker.embedded.InProcessMongo;
import org.followuptracker.embedded.ServiceArguments;
import org.followuptracker.embedded.ServiceProcess;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The system under measurement: the real Kafka broker in this process, the read store (the MongoDB-wire server in
 * this process on an H2 file as in the embedded default, or in memory, or a real MongoDB given its URI), the event store in a fresh schema of this machine's PostgreSQL,
 * and each service as a process of its own with at most 512 MiB of heap, the serial collector and the JIT's full
 * compiler.
 */
final class BenchmarkStack implements AutoCloseable {

    static final String PASSWORD = "benchmark password";
    static final String TOPIC = "followup-tracker.events";
    /**
     * The serial collector, as the embedded default runs the services: on two cores shared by three JVMs, G1's
     * young pauses in the query service reached 100 to 250 ms during the reads (copying 15 MB took 220 ms of its
     * threads' time: they waited for a core, it seems). Appends stayed within their spread from run to run: 1/4/16
     * clients appended 35/105/201 and 46/172/344 commands/s in two whole runs with G1, 38/115/277 with this one.
     */
    private static final List<String> JVM = List.of("-Xmx512m", "-XX:+UseSerialGC");

    final String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final String mongoUri;
    private final Path data;
    private final PrintStream log;
    private final InProcessKafka kafka;
    private final int kafkaPort = FreePorts.next();
    private final InProcessMongo mongo;
    private final Path usersFile;
    private final String postgresHost;
    private final int postgresPort;
    private final Profiles profiles;
    private final List<String> serviceJvm;
    private ServiceProcess commandService;
    private ServiceProcess queryService;
    private int started;
    private Recording harness;

    /**
     * With {@code profile}, each service runs under Java Flight Recorder (see {@link Profiles}); {@code serviceJvm}:
     * more options for both services' JVMs (after the default ones, so they win), for experiments.
     */
    BenchmarkStack(String mongoUri, boolean readStoreInMemory, String postgresHost, int postgresPort,
            boolean profile, List<String> serviceJvm) {
        this.serviceJvm = List.copyOf(serviceJvm);
        this.postgresHost = postgresHost;
        this.postgresPort = postgresPort;
        try {
            data = Files.createTempDirectory("tracker-benchmark");
            log = new PrintStream(Files.newOutputStream(data.resolve("services.log")), true);
            profiles = profile ? new Profiles(Files.createDirectories(data.resolve("profiles"))) : null;
            if (profile) {
                // This process runs the Kafka broker and the embedded MongoDB-wire server: where they spend is
                // where the embedded default bounds the figures.
                harness = new Recording(Configuration.getConfiguration("profile"));
                harness.start();
            }
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("the JDK's own profile settings cannot be read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = InProcessKafka.start(data.resolve("kafka"), kafkaPort, FreePorts.next());
        if (mongoUri == null) {
            mongo = readStoreInMemory ? InProcessMongo.startInMemory(FreePorts.next())
                    : InProcessMongo.start(data.resolve("mongo"), FreePorts.next());
            this.mongoUri = mongo.uri("benchmark");
        } else {
            mongo = null;
            this.mongoUri = mongoUri;
        }
        UsersFile users = new UsersFile(data.resolve("users"));
        users.put("coordinator", PASSWORD, Set.of(Role.COORDINATOR));
        users.put("admin", PASSWORD, Set.of(Role.ADMIN));
        usersFile = users.path();
    }

    /** The recordings, when the services run under Java Flight Recorder. */
    Optional<Profiles> profiles() {
        return Optional.ofNullable(profiles);
    }

    private List<String> jvm(String service) {
        List<String> options = new ArrayList<>(JVM);
        if (serviceJvm.stream().anyMatch(option -> option.matches("-XX:\\+Use\\w+GC"))) {
            // The JVM refuses two collectors: the one asked for replaces the default.
            options.removeIf(option -> option.matches("-XX:\\+Use\\w+GC"));
        }
        options.addAll(serviceJvm);
        if (profiles != null) {
            options.addAll(profiles.jvmOptions(++started + "-" + service));
        }
        return options;
    }

    Path servicesLog() {
        return data.resolve("services.log");
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/test?currentSchema=" + schema;
    }

    PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl() + "&reWriteBatchedInserts=true");
        dataSource.setUser("postgres");
        return dataSource;
    }

    ServiceProcess commandService() {
        if (commandService == null) {
            commandService = ServiceProcess.start("command-service", jar("command-service"), FreePorts.next(), jvm("command-service"),
                    ServiceArguments.commandServiceOnPostgres(data.resolve("command-service"), usersFile,
                            bootstrapServers(), jdbcUrl(), schema, "--logging.level.root=WARN"), log);
            commandService.awaitHealthy(Duration.ofMinutes(3));
        }
        return commandService;
    }

    ServiceProcess queryService() {
        if (queryService == null) {
            queryService = ServiceProcess.start("query-service", jar("query-service"), FreePorts.next(), jvm("query-service"),
                    ServiceArguments.queryService(mongoUri, usersFile, bootstrapServers(), "--logging.level.root=WARN"),
                    log);
            queryService.awaitHealthy(Duration.ofMinutes(3));
        }
        return queryService;
    }

    void stopQueryService() {
        if (queryService != null) {
            queryService.close();
            queryService = null;
        }
    }

    @Override
    public void close() {
        if (commandService != null) {
            commandService.close();
        }
        stopQueryService();
        kafka.close();
        if (mongo != null) {
            mongo.close();
        }
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.out.println("could not drop schema " + schema + ": " + e.getMessage());
        }
        log.close();
        // The broker's log and the read store's file come to some 10 GB after a million events: only the services'
        // log (and the profiles) are worth keeping.
        deleteTree(data.resolve("kafka"));
        deleteTree(data.resolve("mongo"));
        if (harness != null) {
            try {
                harness.dump(profiles.directory().resolve("0-benchmark-with-kafka-and-mongodb-wire-server.jfr"));
            } catch (IOException e) {
                System.out.println("could not write the benchmark's own recording: " + e.getMessage());
            }
            harness.close();
        }
    }

    private static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.out.println("could not delete " + directory + ": " + e.getMessage());
        }
    }

    private static Path jar(String service) {
        Path jar = Path.of(service, "target", service + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": build first (./benchmark.sh does)");
        }
        return jar;
    }

}
