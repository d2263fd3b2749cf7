package org.followuptracker.query.store;

import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which generation of the read models is live, shared through MongoDB by every query-service instance. Readers ask
 * for it on every request; it is looked up at most once a second.
 */
@Component
public class Generations {

    private static final Logger log = LoggerFactory.getLogger(Generations.class);
    static final String POINTERS = "read_model_generations";
    private static final String LIVE = "live";
    private static final String LAST_ALLOCATED = "last-allocated";
    /** The live pointer's field that tells the layout of the live generation's documents. */
    private static final String LAYOUT = "layout";
    private static final long REFRESH_MILLIS = 1000;

    private final MongoTemplate mongo;
    private volatile Optional<Generation> live;
    private volatile long liveReadAt;

    public Generations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The generation readers read, or empty before the first build finished; looked up at most once a second. It
     * never goes back to an older generation, nor to none, once a newer one was seen.
     */
    public Optional<Generation> live() {
        if (live == null || System.currentTimeMillis() - liveReadAt > REFRESH_MILLIS) {
            return liveNow();
        }
        return live;
    }

    /** The live generation as MongoDB says now: for the consumer, which must not apply events to a replaced one. */
    public synchronized Optional<Generation> liveNow() {
        Document pointer = mongo.findById(LIVE, Document.class, POINTERS);
        Optional<Generation> read = pointer == null ? Optional.empty() : Optional.of(new Generation(pointer.getInteger("number")));
        remember(read);
        return live;
    }

    private synchronized void remember(Optional<Generation> read) {
        boolean newer = live == null || live.isEmpty()
                || read.isPresent() && read.get().number() > live.get().number();
        if (newer) {
            live = read;
        }
        liveReadAt = System.currentTimeMillis();
    }

    /** The live read models, for readers; before the first build, an empty generation that holds nothing. */
    public DirectReadModel reading() {
        return new DirectReadModel(mongo, live().orElse(new Generation(0)));
    }

    /** A new, empty generation beside the live one, with the indexes the layout's documents declare. */
    public Generation allocate(ReadModelLayout layout) {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(LAST_ALLOCATED)),
                new Update().inc("number", 1), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, POINTERS);
        Generation generation = new Generation(counter.getInteger("number"));
        // What interrupted builds left (one build runs at a time), and anything of this number.
        dropAllBut(live().map(Generation::number).orElse(-1), -1);
        layout.indexes().forEach((collection, indexes) -> indexes.forEach(index ->
                mongo.indexOps(generation.collection(collection)).ensureIndex(index)));
        return generation;
    }

    /** Whether the live generation has collection {@code name}. */
    public boolean liveHas(String name) {
        return live().map(generation -> mongo.collectionExists(generation.collection(name))).orElse(false);
    }

    /**
     * The layout of the live generation's documents ({@link ReadModelLayout#VERSION}), as MongoDB says now: 0 for
     * one made live before layouts had versions, or none live.
     */
    public int liveLayout() {
        Document pointer = mongo.findById(LIVE, Document.class, POINTERS);
        Integer layout = pointer == null ? null : pointer.getInteger(LAYOUT);
        return layout == null ? 0 : layout;
    }

    /**
     * The live generation as MongoDB says now, if its documents are of this version's layout: the only one the
     * consumer applies events to. Of another layout, a build of this one is on its way (it reads the topic itself).
     */
    public synchronized Optional<Generation> liveNowOfThisLayout() {
        Optional<Generation> live = liveNow();
        return live.isPresent() && liveLayout() == ReadModelLayout.VERSION ? live : Optional.empty();
    }

    /** Makes {@code generation}, built by this version, the one readers read. */
    public synchronized void makeLive(Generation generation) {
        mongo.upsert(Query.query(Criteria.where("_id").is(LIVE)), Update.update("number", generation.number())
                .set(LAYOUT, ReadModelLayout.VERSION), POINTERS);
        remember(Optional.of(generation));
        log.info("read models: generation {} is live", generation.number());
    }

    /** Drops every collection of {@code generation}. */
    public void drop(Generation generation) {
        for (String name : mongo.getCollectionNames()) {
            if (Generation.numberOf(name) == generation.number()) {
                mongo.dropCollection(name);
            }
        }
    }

    /**
     * On start: drops what no reader reads, generations of interrupted builds; but not the last generation
     * allocated, if newer than the live one: a build may be running on another instance.
     */
    public void dropAllButLive() {
        Document allocated = mongo.findById(LAST_ALLOCATED, Document.class, POINTERS);
        int liveNumber = live().map(Generation::number).orElse(-1);
        int lastAllocated = allocated == null ? -1 : allocated.getInteger("number");
        dropAllBut(liveNumber, lastAllocated > liveNumber ? lastAllocated : -1);
    }

    private void dropAllBut(int liveNumber, int building) {
        for (String name : mongo.getCollectionNames()) {
            int number = Generation.numberOf(name);
            if (number >= 0 && number != liveNumber && number != building) {
                log.info("dropping {}, left by an interrupted or replaced build", name);
                mongo.dropCollection(name);
            }
        }
    }
}
