package org.followuptracker.embedded.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.followuptracker.access.Role;
import org.followuptracker.access.UsersFile;
import org.followuptracker.embedded.FreePorts;
import org.followuptracker.embedded.HttpService;

/**
 * The embedded default as a newcomer runs it: the launcher ({@code follow-up-tracker-embedded.jar}) in a process
 * of its own, hosting the Kafka broker and the MongoDB-wire server on their files, and starting each service and the
 * web app as a process of its own; all data in one folder, kept across starts. {@link #killAll()} kills the launcher
 * and every process it started at once (SIGKILL), as a crash or a pulled plug would.
 */
final class EmbeddedDefault implements Stores, AutoCloseable {

    private final Path data;
    private final int webPort = FreePorts.nextToKeep();
    private final int commandPort = FreePorts.nextToKeep();
    private final int queryPort = FreePorts.nextToKeep();
    private final int kafkaPort = FreePorts.nextToKeep();
    private final int controllerPort = FreePorts.nextToKeep();
    private final int mongoPort = FreePorts.nextToKeep();
    private Process launcher;
    private int starts;

    EmbeddedDefault(String name) {
        try {
            data = Files.createTempDirectory("tracker-faults-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Made before the first start, so the launcher makes no first admin of its own.
        UsersFile users = new UsersFile(data.resolve("data").resolve("users"));
        users.put("coordinator", TrackerStack.PASSWORD, Set.of(Role.COORDINATOR));
        users.put("admin", TrackerStack.PASSWORD, Set.of(Role.ADMIN));
    }

    /** Starts the launcher on the data of before, if any, and waits until both services and the web app are up. */
    void start() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "follow-up-tracker-embedded.jar").toAbsolutePath().toString(),
                "--data-dir=" + data.resolve("data"), "--demo=false",
                "--command-service-jar=" + jar("command-service"), "--query-service-jar=" + jar("query-service"),
                "--web-app-jar=" + jar("web-app"), "--web-port=" + webPort, "--command-port=" + commandPort,
                "--query-port=" + queryPort, "--kafka-port=" + kafkaPort, "--kafka-controller-port=" + controllerPort,
                "--mongo-port=" + mongoPort));
        try {
            launcher = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("run-" + (++starts) + ".log")
                            .toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy(List.of(commandService().baseUrl(), queryService().baseUrl(), "http://127.0.0.1:" + webPort),
                Duration.ofMinutes(4));
    }

    /** Kills the launcher and every process it started, all at once (SIGKILL): nothing is finished or flushed. */
    void killAll() {
        List<ProcessHandle> all = new ArrayList<>(launcher.descendants().toList());
        all.add(0, launcher.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("process " + process.pid() + " did not end", e);
            }
        }
    }

    HttpService commandService() {
        return service("command-service", commandPort);
    }

    HttpService queryService() {
        return service("query-service", queryPort);
    }

    Path log(int start) {
        return data.resolve("run-" + start + ".log");
    }

    @Override
    public Connection eventStore() throws SQLException {
        return H2EventStore.open(data.resolve("data").resolve("command-service").resolve("events.mv.db"));
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }


    /** Asks the launcher to stop (it stops the services, then the stores); kills what is left after a minute. */
    @Override
    public void close() {
        if (launcher == null) {
            return;
        }
        launcher.destroy();
        try {
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                killAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killAll();
        }
        launcher.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static HttpService service(String name, int port) {
        return new HttpService() {
            @Override
            public String baseUrl() {
                return "http://127.0.0.1:" + port;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    private void awaitHealthy(List<String> baseUrls, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        for (String base : baseUrls) {
            while (true) {
                if (!launcher.isAlive()) {
                    throw new IllegalStateException("the launcher stopped; see " + log(starts));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(base + " not healthy in time; see " + log(starts));
                }
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                sleep(250);
            }
        }
    }

    private static String jar(String service) {
        return Path.of("..", service, "target", service + ".jar").toAbsolutePath().normalize().toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
