package org.followuptracker.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.followuptracker.embedded.ServiceProcess;

/**
 * B5: samples each service's used heap (its own metric, all heap pools) and resident set size (the kernel's
 * VmRSS) every 200 ms while a phase runs, keeping the peaks.
 */
final class MemoryPeaks implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Peak(double heapMiB, double rssMiB) {
    }

    private final Api api = new Api();
    private final List<ServiceProcess> services;
    private final Map<String, double[]> peaks = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    MemoryPeaks(List<ServiceProcess> services) {
        this.services = services;
        for (ServiceProcess service : services) {
            peaks.put(service.name(), new double[2]);
        }
        sampler = new Thread(this::sample, "memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    Peak peak(ServiceProcess service) {
        double[] peak = peaks.get(service.name());
        return new Peak(peak[0], peak[1]);
    }

    private void sample() {
        while (running) {
            for (ServiceProcess service : services) {
                double[] peak = peaks.get(service.name());
                try {
                    Api.Answer heap = api.get(service, "/actuator/metrics/jvm.memory.used?tag=area:heap", "admin");
                    if (heap.ok()) {
                        double bytes = JSON.readTree(heap.body()).get("measurements").get(0).get("value").asDouble();
                        peak[0] = Math.max(peak[0], bytes / 1024 / 1024);
                    }
                    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(service.pid()), "status"))) {
                        if (line.startsWith("VmRSS:")) {
                            double kib = Double.parseDouble(line.replaceAll("[^0-9]", ""));
                            peak[1] = Math.max(peak[1], kib / 1024);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the service is busy or gone; the next sample will tell
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
    }
}
