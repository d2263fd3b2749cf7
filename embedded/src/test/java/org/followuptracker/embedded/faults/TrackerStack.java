package org.followuptracker.embedded.faults;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.followuptracker.access.Role;
import org.followuptracker.access.UsersFile;
import org.followuptracker.embedded.FreePorts;
import org.followuptracker.embedded.InProcessKafka;
import org.followuptracker.embedded.ServiceArguments;
import org.followuptracker.embedded.ServiceProcess;

/**
 * A whole tracker for one scenario, each part of it within reach of the faults: a real Kafka broker that can be
 * stopped and started again on the same log, the MongoDB-wire server with a {@link MongoWriteTrap} in it, the event
 * store in a schema of its own on this machine's PostgreSQL behind a {@link PostgresProxy}, and the services, as
 * many instances of each as the scenario wants, each a process of its own that can be stopped or killed.
 */
final class TrackerStack implements Stores, AutoCloseable {

    static final String PASSWORD = "fault-suite password";
    static final String POSTGRES_HOST = "127.0.0.1";
    static final int POSTGRES_PORT = 5432;

    final String name;
    final String schema;
    final MongoWriteTrap mongoTrap = new MongoWriteTrap();
    PostgresProxy postgres;
    final List<ServiceProcess> commandServices = new ArrayList<>();
    final List<ServiceProcess> queryServices = new ArrayList<>();
    private final Path data;
    private Path usersFile;
    private final PrintStream log;
    private final int kafkaPort = FreePorts.nextToKeep();
    private final int controllerPort = FreePorts.nextToKeep();
    private MongoServer mongo;
    private int mongoPort;
    private InProcessKafka kafka;
    private Process stores;
    private Path h2EventStore;
    private int instances;

    TrackerStack(String name) {
        this(name, false);
    }

    /**
     * With {@code storesApart}, the Kafka broker and the MongoDB-wire server (on its H2 file, as the embedded default
     * keeps it) run in a process of their own ({@link StoresProcess}), which {@link #killStores()} kills alone; else
     * in this one, the wire server in memory, with the {@link #mongoTrap} in it.
     */
    TrackerStack(String name, boolean storesApart) {
        this.name = name;
        requirePostgres();
        try {
            data = Files.createTempDirectory("tracker-faults-" + name);
            log = new PrintStream(Files.newOutputStream(data.resolve("services.log")), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        schema = "faults_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            if (storesApart) {
                mongoPort = FreePorts.nextToKeep();
                startStores();
            } else {
                kafka = InProcessKafka.start(data.resolve("kafka"), kafkaPort, controllerPort);
                mongo = new MongoServer(mongoTrap.around(new MemoryBackend()));
                mongoPort = mongo.bind().getPort();
            }
            postgres = PostgresProxy.start(POSTGRES_HOST, POSTGRES_PORT);
            UsersFile users = new UsersFile(data.resolve("users"));
            users.put("coordinator", PASSWORD, Set.of(Role.COORDINATOR));
            users.put("admin", PASSWORD, Set.of(Role.ADMIN));
            usersFile = users.path();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    Path servicesLog() {
        return data.resolve("services.log");
    }

    ServiceProcess startCommandService() {
        String instance = "command-service-" + (++instances);
        ServiceProcess service = ServiceProcess.start(instance, jar("command-service"), FreePorts.next(),
                ServiceArguments.commandServiceOnPostgres(data.resolve(instance), usersFile, bootstrapServers(),
                        "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/test?currentSchema=" + schema, schema),
                log);
        commandServices.add(service);
        service.awaitHealthy(Duration.ofMinutes(3));
        return service;
    }

    /**
     * A command service with its events in an H2 file, as the embedded default keeps them; started again, the same
     * file. {@link #eventStore()} then reads that file.
     */
    ServiceProcess startCommandServiceOnH2() {
        String instance = "command-service-" + (++instances);
        Path folder = data.resolve("command-service-on-h2");
        h2EventStore = folder.resolve("command-service").resolve("events.mv.db");
        ServiceProcess service = ServiceProcess.start(instance, jar("command-service"), FreePorts.next(), List.of(
                "--tracker.data-dir=" + folder,
                "--tracker.demo.enabled=false",
                "--tracker.access.users-file=" + usersFile,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers()), log);
        commandServices.add(service);
        service.awaitHealthy(Duration.ofMinutes(3));
        return service;
    }

    /** Starts the process of the broker and the wire server, on their data of before if any, and waits for both. */
    void startStores() {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), StoresProcess.class.getName(),
                data.resolve("stores").toString(), String.valueOf(kafkaPort), String.valueOf(controllerPort),
                String.valueOf(mongoPort));
        try {
            stores = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("stores.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!(listening(kafkaPort) && listening(mongoPort))) {
            if (!stores.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the stores' process did not start; see " + data.resolve("stores.log"));
            }
            sleep(200);
        }
    }

    /** Kills the process of the broker and the wire server at once (SIGKILL): they finish nothing. */
    void killStores() {
        try {
            stores.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    ServiceProcess startQueryService() {
        String instance = "query-service-" + (++instances);
        // A dead instance's partitions go to the others after 10 s rather than Kafka's default 45 s.
        ServiceProcess service = ServiceProcess.start(instance, jar("query-service"), FreePorts.next(),
                ServiceArguments.queryService("mongodb://127.0.0.1:" + mongoPort + "/" + name, usersFile,
                        bootstrapServers(), "--spring.kafka.consumer.properties.session.timeout.ms=10000",
                        "--spring.kafka.consumer.properties.heartbeat.interval.ms=2000"), log);
        queryServices.add(service);
        service.awaitHealthy(Duration.ofMinutes(3));
        return service;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    void stopKafka() {
        kafka.close();
        kafka = null;
    }

    void startKafka() {
        kafka = InProcessKafka.start(data.resolve("kafka"), kafkaPort, controllerPort);
    }


    /** A connection straight to the event store's schema, past the proxy. */
    @Override
    public Connection eventStore() throws SQLException {
        if (h2EventStore != null) {
            return H2EventStore.open(h2EventStore);
        }
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        return DriverManager.getConnection("jdbc:postgresql://" + POSTGRES_HOST + ":" + POSTGRES_PORT + "/test?currentSchema="
                + schema, properties);
    }

    @Override
    public void close() {
        for (ServiceProcess service : commandServices) {
            service.kill();
        }
        for (ServiceProcess service : queryServices) {
            service.kill();
        }
        mongoTrap.release();
        if (kafka != null) {
            kafka.close();
        }
        if (stores != null) {
            killStores();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (postgres != null) {
            postgres.close();
        }
        try (Connection connection = eventStore(); Statement statement = connection.createStatement()) {
            // A transaction a scenario left asleep (scenario 6) would hold the drop up without end.
            statement.execute("SET lock_timeout = '20s'");
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.out.println("could not drop schema " + schema + ": " + e.getMessage());
        }
        log.close();
    }

    private static void requirePostgres() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(POSTGRES_HOST, POSTGRES_PORT), 2000);
        } catch (IOException e) {
            throw new IllegalStateException("the fault-injection suite needs PostgreSQL at " + POSTGRES_HOST + ":"
                    + POSTGRES_PORT + " (database test, user postgres, no password): " + e.getMessage());
        }
    }

    private static Path jar(String service) {
        Path jar = Path.of(System.getProperty("tracker." + service + "-jar", "../" + service + "/target/" + service + ".jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + service + " jar at " + jar + "; run the tests with ./mvnw verify");
        }
        return jar;
    }

}
