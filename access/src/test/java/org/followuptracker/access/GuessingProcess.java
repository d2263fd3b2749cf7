package org.followuptracker.access;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A process of its own that guesses at one name from threads of its own, each guess from a fresh address, once the
 * file {@code go} exists; it prints how many guesses were let through. See {@link SignInAttemptsAcrossProcessesTest}.
 */
public final class GuessingProcess {

    private GuessingProcess() {
    }

    /** Arguments: the folder, the instant its clock stands at, its number, threads, guesses per thread. */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        SignInAttempts attempts = new SignInAttempts(folder, Clock.fixed(Instant.parse(args[1]), ZoneOffset.UTC));
        int process = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        int guesses = Integer.parseInt(args[4]);
        System.out.println("ready");
        while (!Files.exists(folder.resolveSibling("go"))) {
            Thread.sleep(5);
        }
        AtomicInteger letThrough = new AtomicInteger();
        List<Thread> guessers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread guesser = new Thread(() -> {
                for (int i = 0; i < guesses; i++) {
                    try {
                        attempts.book("amina", "10." + process + "." + thread + "." + i);
                        letThrough.incrementAndGet();
                    } catch (SignInThrottled refused) {
                        // as expected once the budgets are spent
                    }
                }
            });
            guessers.add(guesser);
            guesser.start();
        }
        for (Thread guesser : guessers) {
            guesser.join();
        }
        System.out.println(letThrough.get());
    }
}
