package org.followuptracker.embedded;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.followuptracker.access.UsersFile;

/**
 * Runs the whole tracker on one machine with nothing installed but a JDK: the Kafka broker and a MongoDB-wire
 * server in this process, and the two services and the web app as processes of their own. All data lives under one folder
 * ({@code ./data} unless told otherwise), so a restart keeps everything.
 *
 * <p>Options, each {@code --name=value}: {@code data-dir}, {@code command-service-jar}, {@code query-service-jar},
 * {@code web-app-jar}, {@code web-port} (8080), {@code command-port} (8081), {@code query-port} (8082), {@code kafka-port} (9092), {@code kafka-controller-port}
 * (9093), {@code mongo-port} (27017), {@code demo} (true: record the 2012 letter to Kazakhstan on first start),
 * {@code bind-address} (127.0.0.1: the address the services and the web app listen on; the broker and the wire server
 * listen on 127.0.0.1 always, having no sign-in of their own).
 */
public final class EmbeddedTracker {

    private static final PrintStream OUT = System.out;

    private EmbeddedTracker() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Map<String, String> options = options(args);
        Path dataDir = Path.of(options.getOrDefault("data-dir", "data")).toAbsolutePath().normalize();
        Path commandJar = Path.of(options.getOrDefault("command-service-jar", "command-service/target/command-service.jar"));
        Path queryJar = Path.of(options.getOrDefault("query-service-jar", "query-service/target/query-service.jar"));
        Path webJar = Path.of(options.getOrDefault("web-app-jar", "web-app/target/web-app.jar"));
        int webPort = Integer.parseInt(options.getOrDefault("web-port", "8080"));
        int commandPort = Integer.parseInt(options.getOrDefault("command-port", "8081"));
        int queryPort = Integer.parseInt(options.getOrDefault("query-port", "8082"));
        int kafkaPort = Integer.parseInt(options.getOrDefault("kafka-port", "9092"));
        int controllerPort = Integer.parseInt(options.getOrDefault("kafka-controller-port", "9093"));
        int mongoPort = Integer.parseInt(options.getOrDefault("mongo-port", "27017"));
        boolean demo = Boolean.parseBoolean(options.getOrDefault("demo", "true"));
        // Only this machine reaches the tracker unless told otherwise: a first start has a printed admin password.
        String bindAddress = options.getOrDefault("bind-address", "127.0.0.1");
        // --rebuild: the query service rebuilds its read models from the topic, beside the live ones.
        boolean rebuild = Boolean.parseBoolean(options.getOrDefault("rebuild", "false"));
        for (Path jar : List.of(commandJar, queryJar, webJar)) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build first (./mvnw -DskipTests package)");
            }
        }

        OUT.println("Follow-up Tracker, embedded default: data in " + dataDir);
        List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch stopping = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.countDown();
            OUT.println("Stopping Follow-up Tracker ...");
            stopAll(running);
        }, "stop-tracker"));

        ServiceProcess commandService;
        ServiceProcess queryService;
        ServiceProcess webApp;
        UsersFile users = new UsersFile(dataDir.resolve("users"));
        Optional<String> firstAdminPassword;
        try {
            // Created here, before both services read it, so that exactly one first admin exists.
            firstAdminPassword = users.createWithFirstAdmin();
            InProcessKafka kafka = start(running, stopping,
                    () -> InProcessKafka.start(dataDir.resolve("kafka"), kafkaPort, controllerPort));
            InProcessMongo mongo = start(running, stopping,
                    () -> InProcessMongo.start(dataDir.resolve("mongo"), mongoPort));
            commandService = start(running, stopping, () -> ServiceProcess.start("command-service", commandJar,
                    commandPort, List.of(
                            "--tracker.data-dir=" + dataDir,
                            "--server.address=" + bindAddress,
                            "--tracker.access.users-file=" + users.path(),
                            "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                            "--tracker.demo.enabled=" + demo), OUT));
            List<String> queryArguments = new ArrayList<>(List.of(
                    "--spring.data.mongodb.uri=" + mongo.uri("followup-tracker"),
                    "--server.address=" + bindAddress,
                    "--tracker.data-dir=" + dataDir,
                    "--tracker.command-service-url=" + commandService.baseUrl(),
                    "--tracker.access.users-file=" + users.path(),
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers()));
            if (rebuild) {
                queryArguments.add("--rebuild");
            }
            queryService = start(running, stopping, () -> ServiceProcess.start("query-service", queryJar, queryPort,
                    queryArguments, OUT));
            webApp = start(running, stopping, () -> ServiceProcess.start("web-app", webJar, webPort, List.of(
                    "--server.address=" + bindAddress,
                    "--tracker.access.users-file=" + users.path(),
                    "--tracker.web.command-service-url=" + commandService.baseUrl(),
                    "--tracker.web.query-service-url=" + queryService.baseUrl()), OUT));
            commandService.awaitHealthy(Duration.ofMinutes(3));
            queryService.awaitHealthy(Duration.ofMinutes(3));
            webApp.awaitHealthy(Duration.ofMinutes(3));
        } catch (Exception e) { // also what Netty throws undeclared, such as a BindException
            if (stopping.getCount() == 0) {
                return;
            }
            // Kafka's and the MongoDB server's threads would keep this process alive: stop what started, and leave.
            OUT.println("Follow-up Tracker could not start: " + e);
            e.printStackTrace(OUT);
            stopAll(running);
            System.exit(1);
            return;
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toMillis();
        OUT.printf("""

                Follow-up Tracker is running (started in %.1f s).
                  Open the web app: http://localhost:%d/
                  Record (command service): %s/api/letters     API description: %s/swagger-ui.html
                  Read   (query service):   %s/api/countries/KAZ/timeline   %s/api/recommendations?country=KAZ
                                            /api/letters/awaiting   /api/countries   /api/audit (auditors)
                  Users: %s
                Stop with Ctrl+C.

                """, seconds / 1000.0, webPort, commandService.baseUrl(), commandService.baseUrl(), queryService.baseUrl(),
                queryService.baseUrl(), users.path());
        firstAdminPassword.ifPresent(password -> OUT.printf("""
                First start: created the user "%s" (role ADMIN). Its password, shown this once, is also in
                %s (readable by you only):

                    %s

                Sign in with it (in the web app, or to the API), add the users you need (POST /api/users), then
                delete that file.

                """, UsersFile.FIRST_ADMIN, users.path().resolveSibling(UsersFile.INITIAL_PASSWORD_FILE), password));

        while (commandService.isAlive() && queryService.isAlive() && webApp.isAlive()) {
            if (stopping.await(1, TimeUnit.SECONDS)) {
                return;
            }
        }
        if (stopping.getCount() == 0) {
            return;
        }
        OUT.println((!commandService.isAlive() ? "command-service" : !queryService.isAlive() ? "query-service" : "web-app")
                + " stopped unexpectedly");
        System.exit(1);
    }

    /** Starts one part, unless the tracker is already stopping; what started is stopped with the rest. */
    private static <T extends AutoCloseable> T start(List<AutoCloseable> running, CountDownLatch stopping,
            Supplier<T> part) {
        if (stopping.getCount() == 0) {
            throw new IllegalStateException("stopping");
        }
        T started = part.get();
        running.add(started);
        if (stopping.getCount() == 0) {
            // The shutdown hook may have stopped the others already: stop this one too.
            stopAll(running);
            throw new IllegalStateException("stopping");
        }
        return started;
    }

    /** Stops the services before what they use. */
    private static void stopAll(List<AutoCloseable> running) {
        List<AutoCloseable> parts;
        synchronized (running) {
            parts = new ArrayList<>(running);
            running.clear();
        }
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                OUT.println("while stopping: " + e);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("--rebuild")) {
                options.put("rebuild", "true");
                continue;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
