package org.followuptracker.query.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.followuptracker.query.audit.AuditHead;
import org.followuptracker.query.store.DirectReadModel;
import org.followuptracker.query.store.Generation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class CountryReadCacheTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final InetSocketAddress address = server.bind();
    private final MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    private final MongoTemplate mongo = new MongoTemplate(client, "test");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DirectReadModel readModel = new DirectReadModel(mongo, new Generation(3));
    /** What the store holds for a country ("its records"), and every country each load was asked for. */
    private final Map<String, List<String>> stored = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<List<String>> loads = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final CountryReadCache.Refresh<List<String>> NOT_REFRESHED = (from, kept, lastEventIds) -> Map.of();

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aCountryIsReadFromTheStoreOnceUntilItsAuditChainGrows() {
        CountryReadCache cache = new CountryReadCache(1000, meters);
        written("KAZ", 4, "letter-1");

        assertThat(get(cache, "KAZ")).containsExactly("letter-1");
        assertThat(get(cache, "KAZ")).containsExactly("letter-1");
        assertThat(loads).containsExactly(List.of("KAZ"));

        written("KAZ", 5, "letter-1", "letter-2");
        assertThat(get(cache, "KAZ")).containsExactly("letter-1", "letter-2");
        assertThat(loads).containsExactly(List.of("KAZ"), List.of("KAZ"));
        assertThat(meters.counter("tracker.read.cache", "result", "hit").count()).isEqualTo(1);
        assertThat(meters.counter("tracker.read.cache", "result", "miss").count()).isEqualTo(2);
    }

    @Test
    void aCountryThatChangedIsBroughtUpToDateWhenWhatChangedIsKnownAndElseReadWhole() {
        CountryReadCache cache = new CountryReadCache(1000, meters);
        written("KAZ", 4, "letter-1");
        List<List<String>> refreshedFrom = new ArrayList<>();
        List<String> told = new ArrayList<>();
        // Brings the kept records up to date by what the store holds beyond them; it cannot once a letter was dropped.
        CountryReadCache.Refresh<List<String>> refresh = (from, kept, lastEventIds) -> {
            Map<String, List<String>> refreshed = new HashMap<>();
            kept.forEach((country, records) -> {
                refreshedFrom.add(records);
                told.add(lastEventIds.get(country));
                if (stored.get(country).containsAll(records)) {
                    refreshed.put(country, stored.get(country));
                }
            });
            return refreshed;
        };
        cache.get(readModel, "letters", "KAZ", this::load, refresh, List::size);

        written("KAZ", 5, "letter-1", "letter-2");
        assertThat(cache.get(readModel, "letters", "KAZ", this::load, refresh, List::size))
                .containsExactly("letter-1", "letter-2");
        assertThat(cache.get(readModel, "letters", "KAZ", this::load, refresh, List::size))
                .containsExactly("letter-1", "letter-2");
        assertThat(loads).containsExactly(List.of("KAZ"));
        assertThat(refreshedFrom).containsExactly(List.of("letter-1"));
        assertThat(told).containsExactly("event-5");
        assertThat(cache.records()).isEqualTo(2);

        written("KAZ", 6, "letter-3");
        assertThat(cache.get(readModel, "letters", "KAZ", this::load, refresh, List::size)).containsExactly("letter-3");
        assertThat(loads).containsExactly(List.of("KAZ"), List.of("KAZ"));
        assertThat(meters.counter("tracker.read.cache", "result", "refresh").count()).isEqualTo(1);
        assertThat(meters.counter("tracker.read.cache", "result", "miss").count()).isEqualTo(2);
        assertThat(meters.counter("tracker.read.cache", "result", "hit").count()).isEqualTo(1);
    }

    @Test
    void aRefreshThatFindsWhatChangedWrittenForEventsBeyondTheHeadItReadTriesAgainOnceTheirHeadIsWritten() {
        CountryReadCache cache = new CountryReadCache(1000, meters);
        written("KAZ", 4, "letter-1");
        get(cache, "KAZ");
        // The projections wrote the letters and what changed for events 5 and 6, but the head for 5 only, so far.
        written("KAZ", 5, "letter-1", "letter-2", "letter-3");
        List<String> told = new ArrayList<>();
        CountryReadCache.Refresh<List<String>> refresh = (from, kept, lastEventIds) -> {
            told.add(lastEventIds.get("KAZ"));
            if (told.size() == 1) {
                // What changed tells event 6, not the head read (5): not refreshed; meanwhile, 6's head is written.
                written("KAZ", 6, "letter-1", "letter-2", "letter-3");
                return Map.of();
            }
            return Map.of("KAZ", stored.get("KAZ"));
        };

        assertThat(cache.get(readModel, "letters", "KAZ", this::load, refresh, List::size))
                .containsExactly("letter-1", "letter-2", "letter-3");
        assertThat(told).containsExactly("event-5", "event-6");
        assertThat(loads).containsExactly(List.of("KAZ"));
        // Kept as of the head it was brought up to date with: the next read finds it unchanged.
        assertThat(cache.get(readModel, "letters", "KAZ", this::load, refresh, List::size)).hasSize(3);
        assertThat(told).hasSize(2);
        assertThat(meters.counter("tracker.read.cache", "result", "refresh").count()).isEqualTo(1);
        assertThat(meters.counter("tracker.read.cache", "result", "hit").count()).isEqualTo(1);
    }

    @Test
    void aCountryNoneOfWhoseEventsIsWrittenYetIsReadEveryTime() {
        CountryReadCache cache = new CountryReadCache(1000, meters);
        stored.put("KAZ", List.of("letter-1"));

        get(cache, "KAZ");
        get(cache, "KAZ");

        assertThat(loads).hasSize(2);
        assertThat(cache.records()).isZero();
    }

    @Test
    void anotherGenerationIsReadAfresh() {
        CountryReadCache cache = new CountryReadCache(1000, meters);
        written("KAZ", 4, "letter-1");
        get(cache, "KAZ");

        DirectReadModel rebuilt = new DirectReadModel(mongo, new Generation(4));
        mongo.save(new AuditHead("KAZ", 4, "event-4", "hash"), rebuilt.generation().collection(AuditHead.COLLECTION));
        cache.get(rebuilt, "letters", "KAZ", this::load, NOT_REFRESHED, List::size);
        assertThat(loads).hasSize(2);

        // What the replaced generation held is let go; a reader still on it is answered but not kept.
        written("UZB", 1, "letter-9", "letter-10");
        get(cache, "UZB");
        assertThat(cache.records()).isEqualTo(1);
    }

    @Test
    void readersOfACountryThatChangedWaitForTheOneReadingItRatherThanEachReadItFromTheStore() throws Exception {
        CountryReadCache cache = new CountryReadCache(1000, meters);
        written("KAZ", 4, "letter-1");
        List<Thread> readers = new ArrayList<>();
        List<List<String>> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch storeAnswers = new CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            Thread reader = new Thread(() -> answers.add(cache.get(readModel, "letters", "KAZ", (from, countries) -> {
                try {
                    storeAnswers.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return load(from, countries);
            }, NOT_REFRESHED, List::size)));
            reader.start();
            readers.add(reader);
        }
        // The store answers once the seven others wait for the one reading.
        try {
            await().atMost(10, TimeUnit.SECONDS).until(() -> readers.stream()
                    .filter(reader -> reader.getState() == Thread.State.BLOCKED).count() == 7);
        } finally {
            storeAnswers.countDown();
        }
        for (Thread reader : readers) {
            reader.join();
        }

        assertThat(answers).hasSize(8).allSatisfy(answer -> assertThat(answer).containsExactly("letter-1"));
        assertThat(loads).hasSize(1);
    }

    @Test
    void everyCountryReadsOnlyTheCountriesThatChanged() {
        CountryReadCache cache = new CountryReadCache(1000, meters);
        written("KAZ", 4, "letter-1");
        written("UZB", 2, "letter-9");
        written("TJK", 1);
        stored.remove("TJK");

        Map<String, List<String>> first = cache.getEvery(readModel, "letters", this::load, NOT_REFRESHED, List::size);
        written("UZB", 3, "letter-9", "letter-10");
        Map<String, List<String>> second = cache.getEvery(readModel, "letters", this::load, NOT_REFRESHED, List::size);

        assertThat(first).containsOnlyKeys("KAZ", "UZB");
        assertThat(second).containsEntry("UZB", List.of("letter-9", "letter-10")).containsOnlyKeys("KAZ", "UZB");
        assertThat(loads.get(0)).containsExactlyInAnyOrder("KAZ", "UZB", "TJK");
        assertThat(loads.get(1)).containsExactly("UZB");
    }

    @Test
    void itHoldsAtMostSoManyRecordsAndDropsTheLeastRecentlyReadCountryFirst() {
        CountryReadCache cache = new CountryReadCache(10, meters);
        written("KAZ", 1, "1", "2", "3", "4");
        written("UZB", 1, "1", "2", "3", "4");
        written("TJK", 1, "1", "2", "3", "4");
        written("RUS", 1, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");

        get(cache, "KAZ");
        get(cache, "UZB");
        get(cache, "KAZ");
        get(cache, "TJK");
        loads.clear();
        get(cache, "KAZ");
        get(cache, "TJK");
        get(cache, "UZB");
        get(cache, "RUS");

        assertThat(loads).containsExactly(List.of("UZB"), List.of("RUS"));
        assertThat(cache.records()).isLessThanOrEqualTo(10);
    }

    private List<String> get(CountryReadCache cache, String country) {
        return cache.get(readModel, "letters", country, this::load, NOT_REFRESHED, List::size);
    }

    /** The country's records are written, then its audit chain's head: the order the projections write in. */
    private void written(String country, long length, String... records) {
        stored.put(country, List.of(records));
        mongo.save(new AuditHead(country, length, "event-" + length, "hash"),
                readModel.generation().collection(AuditHead.COLLECTION));
    }

    private Map<String, List<String>> load(DirectReadModel from, List<String> countries) {
        loads.add(List.copyOf(countries));
        Map<String, List<String>> found = new HashMap<>();
        countries.stream().filter(stored::containsKey).forEach(country -> found.put(country, stored.get(country)));
        return found;
    }
}
