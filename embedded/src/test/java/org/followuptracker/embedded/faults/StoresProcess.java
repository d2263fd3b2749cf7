package org.followuptracker.embedded.faults;

import java.nio.file.Path;
import org.followuptracker.embedded.InProcessKafka;
import org.followuptracker.embedded.InProcessMongo;

/**
 * The Kafka broker and the MongoDB-wire server (on its H2 file) in a process of their own, as the embedded default
 * runs them in its launcher: for a scenario that kills that process alone. Arguments: the data folder, Kafka's port,
 * its controller's port, the wire server's port.
 */
public final class StoresProcess {

    static final String READY = "stores ready";

    private StoresProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        InProcessKafka kafka = InProcessKafka.start(data.resolve("kafka"), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]));
        InProcessMongo mongo = InProcessMongo.start(data.resolve("mongo"), Integer.parseInt(args[3]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            kafka.close();
        }));
        System.out.println(READY);
        Thread.currentThread().join();
    }
}
