package org.followuptracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three processes (as the command service, the query service and the web app are), four threads each, guessing at
 * one name at once from fresh addresses: together they get the name's budgets, not one more.
 */
class SignInAttemptsAcrossProcessesTest {

    @TempDir
    Path root;

    @Test
    void threeProcessesGuessingAtOnceGetTheNamesTriesOnceBetweenThem() throws Exception {
        Path folder = root.resolve("sign-in-attempts");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        for (int process = 0; process < 3; process++) {
            Process started = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    GuessingProcess.class.getName(), folder.toString(), "2026-11-28T00:00:00Z",
                    Integer.toString(process), "4", "25")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            processes.add(started);
            outputs.add(new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8)));
        }
        for (BufferedReader output : outputs) {
            assertThat(output.readLine()).isEqualTo("ready");
        }
        Files.createFile(root.resolve("go"));

        int letThrough = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(processes.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(processes.get(i).exitValue()).isZero();
            letThrough += Integer.parseInt(outputs.get(i).readLine());
        }

        // 300 guesses, each from a fresh address, in the same instant: the name's own 10 and the 10 for fresh
        // addresses.
        assertThat(letThrough).isEqualTo(SignInAttempts.PER_NAME.capacity()
                + SignInAttempts.FRESH_ADDRESSES.capacity()).isEqualTo(20);
    }
}
