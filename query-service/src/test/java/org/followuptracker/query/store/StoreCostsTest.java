package org.followuptracker.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreCostsTest {

    @Test
    void eachCollectionsCountsAndTimesAddUpAndTheCostliestComesFirst() {
        StoreCosts costs = new StoreCosts();
        costs.add("audit", 64, 3_000_000);
        costs.add("applied_events", 64, 5_000_000);
        costs.add("audit", 36, 4_500_000);

        assertThat(costs.summary()).isEqualTo("audit 100/7, applied_events 64/5");
        assertThat(new StoreCosts().summary()).isEmpty();
    }
}
