package org.followuptracker.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void neverHandsOutTheSamePortTwice() {
        // Some 28,000 ports to pick from: among 3,000 random picks, repeats are all but certain unless prevented.
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 3_000; i++) {
            int port = FreePorts.next();
            assertThat(ports.add(port)).as("port %d handed out twice, at pick %d", port, i).isTrue();
            assertThat(port).isBetween(1, 65_535);
        }
    }
}
