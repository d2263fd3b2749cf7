package org.followuptracker.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * With {@code --profile}, each service runs under Java Flight Recorder; this reads the recordings afterwards and
 * tells where the CPU went: the methods most often on top of the sampled stacks ("self"), and the project's own
 * methods most often anywhere in them ("within"), each as a share of that service's samples.
 */
final class Profiles {

    private static final int SHOWN = 12;

    private final Path directory;

    Profiles(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** The JVM options that make a service write its recording to this directory when it stops. */
    List<String> jvmOptions(String recording) {
        return List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                + directory.resolve(recording + ".jfr"));
    }

    /** A summary of each recording in the directory. */
    String summary() {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jfr")).sorted().toList()) {
                out.append(summary(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String summary(Path recording) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> components = new HashMap<>();
        Map<String, Integer> within = new HashMap<>();
        int samples = 0;
        // One event at a time: a whole recording on the heap could be larger than the heap.
        try (RecordingFile file = new RecordingFile(recording)) {
        while (file.hasMoreEvents()) {
            RecordedEvent event = file.readEvent();
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            components.merge(component(frames), 1, Integer::sum);
            frames.stream().map(Profiles::name).filter(name -> name.startsWith("org.followuptracker.")).distinct()
                    .forEach(name -> within.merge(name, 1, Integer::sum));
        }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s: %,d CPU samples%n", recording.getFileName(), samples));
        out.append("  by component (the first frame outside the JDK, from the top of the stack):\n");
        append(out, components, samples);
        out.append("  on top of the stack (self):\n");
        append(out, self, samples);
        out.append("  the project's own methods anywhere on the stack (within):\n");
        append(out, within, samples);
        return out.toString();
    }

    private static void append(StringBuilder out, Map<String, Integer> counts, int samples) {
        List<Map.Entry<String, Integer>> top = new ArrayList<>(counts.entrySet());
        top.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        for (Map.Entry<String, Integer> entry : top.subList(0, Math.min(SHOWN, top.size()))) {
            out.append(String.format("    %5.1f%%  %s%n", 100.0 * entry.getValue() / Math.max(1, samples),
                    entry.getKey()));
        }
    }

    private static final String[][] COMPONENTS = {
            {"de.bwaldvogel.mongo.", "MongoDB-wire server (embedded)"}, {"org.h2.", "H2 (the wire server's file)"},
            {"org.apache.kafka.", "Kafka (client or broker)"}, {"kafka.", "Kafka broker"},
            {"org.springframework.data.", "Spring Data MongoDB mapping"}, {"org.bson.", "MongoDB driver (BSON)"},
            {"com.mongodb.", "MongoDB driver"}, {"org.axonframework.", "Axon"}, {"org.postgresql.", "PostgreSQL JDBC"},
            {"com.zaxxer.hikari.", "Hikari pool"}, {"org.springframework.security.", "Spring Security"},
            {"org.apache.catalina.", "Tomcat"}, {"org.apache.coyote.", "Tomcat"}, {"org.apache.tomcat.", "Tomcat"},
            {"com.fasterxml.jackson.", "Jackson"}, {"io.micrometer.", "Micrometer"}, {"ch.qos.logback.", "Logback"},
            {"org.followuptracker.", "Follow-up Tracker's own code"}, {"org.springframework.", "Spring (other)"}};

    private static String component(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (String[] component : COMPONENTS) {
                if (type.startsWith(component[0])) {
                    return component[1];
                }
            }
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return type.substring(0, Math.max(0, type.lastIndexOf('.')));
            }
        }
        return "JDK only";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
