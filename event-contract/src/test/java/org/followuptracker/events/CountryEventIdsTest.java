package org.followuptracker.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountryEventIdsTest {

    /**
     * The command service's test of its copy expects the same digest of the same ids: the two services must agree on
     * it to the byte (computed apart: {@code printf '<ids, each with a line feed>' | sha256sum}).
     */
    static final String DIGEST_OF_FIVE = "5eb17386185bf2e608a1bdbdeba75a9819ed104c742f351a7c505eca8986730b";

    @Test
    void theDigestIsSha256OverTheIdsAscendingAsStringsEachFollowedByALineFeed() {
        CountryEventIds ids = new CountryEventIds();
        // A UUID whose first half is negative as a signed number, and ids in other forms, among Axon's.
        for (String id : List.of("ffffffff-0000-4000-8000-000000000003", "zz-other",
                "c0ffee00-0000-4000-8000-000000000001", "A-not-a-uuid", "0a000000-0000-4000-8000-000000000002")) {
            ids.add(id);
        }

        List<String> ascending = new ArrayList<>();
        ids.ascending().forEachRemaining(ascending::add);

        assertThat(ascending).containsExactly("0a000000-0000-4000-8000-000000000002", "A-not-a-uuid",
                "c0ffee00-0000-4000-8000-000000000001", "ffffffff-0000-4000-8000-000000000003", "zz-other");
        assertThat(ids.count()).isEqualTo(5);
        assertThat(ids.digest()).isEqualTo(DIGEST_OF_FIVE);
    }

    @Test
    void aUuidInCapitalsIsKeptAsWrittenNotAsTheUuidItReads() {
        CountryEventIds ids = new CountryEventIds();
        ids.add("C0FFEE00-0000-4000-8000-000000000001");
        ids.add("b0000000-0000-4000-8000-000000000001");

        List<String> ascending = new ArrayList<>();
        ids.ascending().forEachRemaining(ascending::add);

        assertThat(ascending).containsExactly("C0FFEE00-0000-4000-8000-000000000001",
                "b0000000-0000-4000-8000-000000000001");
    }

    @Test
    void manyIdsGrowTheStoreAndComeOutInOrder() {
        CountryEventIds ids = new CountryEventIds();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String id = java.util.UUID.nameUUIDFromBytes(("event " + i).getBytes()).toString();
            ids.add(id);
            expected.add(id);
        }
        expected.sort(null);

        List<String> ascending = new ArrayList<>();
        ids.ascending().forEachRemaining(ascending::add);

        assertThat(ascending).isEqualTo(expected);
        assertThat(new CountryEventIds().digest())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
