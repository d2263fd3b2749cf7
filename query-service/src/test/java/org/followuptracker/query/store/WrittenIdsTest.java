package org.followuptracker.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class WrittenIdsTest {

    @Test
    void whatWasWrittenIsAlwaysFoundAndWhatWasNotAlmostNever() {
        WrittenIds written = new WrittenIds();
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            written.add("applied_events", id);
        }
        assertThat(ids).allMatch(id -> written.mightContain("applied_events", id));

        int wronglyFound = 0;
        for (int i = 0; i < 200_000; i++) {
            if (written.mightContain("applied_events", UUID.randomUUID().toString())) {
                wronglyFound++;
            }
        }
        assertThat(wronglyFound).as("lookups of ids never written that would still ask the store").isLessThan(20);
        assertThat(written.mightContain("audit", ids.get(0))).as("the same id in another collection").isFalse();
    }
}
