package org.followuptracker.embedded.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.followuptracker.embedded.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * The guarantees under faults: each scenario runs a whole tracker ({@link TrackerStack}), sends a stream of
 * commands, injects its fault, and lets the {@link Oracle} compare the three stores. Each prints one line: what was
 * injected and what the oracle found; the lines are also kept in {@code target/fault-injection-report.txt}.
 */
class FaultInjectionIT {

    private static final Path REPORT = Path.of("target", "fault-injection-report.txt");

    @Test
    void kafkaStopsInTheMiddleOfAStreamOfCommandsAndComesBack() throws Exception {
        try (TrackerStack stack = new TrackerStack("kafka-outage")) {
            ServiceProcess commands = stack.startCommandService();
            ServiceProcess queries = stack.startQueryService();
            Workload workload = new Workload("kafka-outage", 1);
            workload.stream(2, 10, () -> commands);

            stack.stopKafka();
            Instant stopped = Instant.now();
            workload.stream(2, 10, () -> commands);
            long acceptedWhileAway = workload.outcomes().subList(20, 40).stream()
                    .filter(Workload.Outcome::accepted).count();
            sleepUntil(stopped.plusSeconds(10));
            stack.startKafka();
            long away = Duration.between(stopped, Instant.now()).toSeconds();
            workload.stream(2, 10, () -> commands);

            Oracle.Verdict verdict = Oracle.check(stack, workload.outcomes(), queries);
            report("1 Kafka stops mid-stream", "broker stopped for " + away + " s after 20 of 60 commands; "
                    + acceptedWhileAway + " of the 20 sent meanwhile accepted", verdict);
            assertThat(acceptedWhileAway).as("commands accepted while Kafka was away").isEqualTo(20);
            assertThat(workload.outcomes()).allMatch(Workload.Outcome::accepted);
            assertThat(verdict.broken()).isEmpty();
        }
    }

    private static void report(String scenario, String injected, Oracle.Verdict verdict) throws IOException {
        String line = "FAULT " + scenario + " | injected: " + injected + " | " + verdict.summary();
        System.out.println(line);
        Files.createDirectories(REPORT.toAbsolutePath().getParent());
        Files.writeString(REPORT, line + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
