package org.followuptracker.embedded.readstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB-wire server's H2 backend, keeping documents as BSON rather than as serialized Java objects. A file
 * written by the plain backend cannot be read by this one (nor the other way round): {@code InProcessMongo} keeps
 * this one's data under a file name of its own.
 * <p>
 * What its file holds after a crash is the store as it was between two writes: every write before a moment, and none
 * after. H2 alone does not promise that: its commit takes the maps one after the other, so a request that wrote one
 * map after the commit had taken it, and another that wrote a later map before, left the second without the first.
 * The query service writes where its read models stand on the topic after the documents that covers, and so after a
 * kill found positions whose documents were lost, and never applied their events. Here the store commits on a thread
 * of its own, every {@link #COMMIT_EVERY}, while no write runs (writes share a lock the commit holds alone; reads
 * take none), and never from a request's thread. The lock is held while the commit takes the maps' roots; H2's own
 * threads write the pages of that version to the file afterwards, while requests go on.
 */
public final class BsonH2Backend extends H2Backend {

    /**
     * H2 writes a changed page whole, every document on it, when it commits (every second): with its default page
     * size for files (16 KB, some sixteen documents of ours), writing one document wrote sixteen, and writing pages
     * was half the store's CPU in B2. Pages of 2 KB hold one to three documents.
     */
    static final int PAGE_SPLIT_SIZE = 2 * 1024;
    /**
     * The megabytes of pages H2 keeps read (decoded) in memory. Its default, 16, held a fraction of the read models of
     * the benchmark's base set: a tenth of the store's CPU in B2 went to reading pages back from the file, and
     * decoding them, to look up documents it had just written.
     */
    static final int CACHE_MEGABYTES = 256;

    /** How often the store commits what requests wrote to its file: H2's own default for its background commit. */
    static final Duration COMMIT_EVERY = Duration.ofSeconds(1);
    /**
     * How often, in commits, chunks left mostly unused are written again, taking over from H2's background writer,
     * which no longer commits nor tidies by itself; at most {@link #COMPACT_BYTES} each time, and only below
     * {@link #COMPACT_FILL_RATE}%.
     */
    static final int COMPACT_EVERY_COMMITS = 10;
    static final int COMPACT_FILL_RATE = 80;
    static final int COMPACT_BYTES = 4 * 1024 * 1024;

    /**
     * H2 commits on the thread of a write that leaves more than this unsaved; its largest (in KB, some 1.9 GB of
     * pages), so that it never does: a second of writes is a small part of it.
     */
    private static final int NO_COMMIT_FROM_A_WRITE_KB = 100_000;
    /**
     * H2 commits and tidies on its background thread every this many milliseconds: never, in effect. Its threads that
     * write a commit's pages to the file start with it, and are what this backend's commits use.
     */
    private static final int NO_BACKGROUND_COMMIT_MILLIS = Integer.MAX_VALUE;
    /** Commands that only read: they run beside a commit. Everything else is taken for a write. */
    private static final Set<String> READS = Set.of("find", "getMore", "count", "distinct", "listCollections",
            "listIndexes", "listDatabases", "hello", "isMaster", "ismaster", "ping", "buildInfo", "buildinfo",
            "serverStatus", "killCursors", "endSessions", "dbStats", "collStats", "getParameter", "connectionStatus",
            "whatsmyuri", "getLog", "hostInfo");

    private static final Logger log = LoggerFactory.getLogger(BsonH2Backend.class);

    private final ReadWriteLock requests = new ReentrantReadWriteLock();
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "read-store-commit");
        thread.setDaemon(true);
        return thread;
    });
    private long commits;

    public BsonH2Backend(String fileName) {
        this(fileName, COMMIT_EVERY);
    }

    BsonH2Backend(String fileName, Duration commitEvery) {
        super(new MVStore.Builder().fileName(fileName).pageSplitSize(PAGE_SPLIT_SIZE).cacheSize(CACHE_MEGABYTES)
                .autoCommitBufferSize(NO_COMMIT_FROM_A_WRITE_KB).open());
        getMvStore().setAutoCommitDelay(NO_BACKGROUND_COMMIT_MILLIS);
        committer.scheduleWithFixedDelay(this::commitBetweenRequests, commitEvery.toMillis(), commitEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void commitBetweenRequests() {
        requests.writeLock().lock();
        try {
            MVStore store = getMvStore();
            if (store.isClosed()) {
                return;
            }
            // Takes every map's root now, under the lock; H2's threads write their pages after it is released.
            store.tryCommit();
            if (++commits % COMPACT_EVERY_COMMITS == 0 && store.compact(COMPACT_FILL_RATE, COMPACT_BYTES)) {
                store.tryCommit();
            }
        } catch (RuntimeException e) {
            // The next commit tries again; what it holds stays in memory until then.
            log.error("the read store could not commit", e);
        } finally {
            requests.writeLock().unlock();
        }
    }

    private <T> T duringRequest(Document command, Supplier<T> request) {
        if (onlyReads(command)) {
            return request.get();
        }
        requests.readLock().lock();
        try {
            return request.get();
        } finally {
            requests.readLock().unlock();
        }
    }

    /** Whether {@code command} only reads: a read command, or an aggregation that writes no collection. */
    static boolean onlyReads(Document command) {
        if (command == null || command.isEmpty()) {
            return false;
        }
        String name = command.keySet().iterator().next();
        if (name.equals("aggregate")) {
            return command.get("pipeline") instanceof List<?> stages && stages.stream().noneMatch(
                    stage -> stage instanceof Document document
                            && (document.containsKey("$out") || document.containsKey("$merge")));
        }
        return READS.contains(name);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return duringRequest(message.getDocument(), () -> super.handleMessage(message));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return duringRequest(query.getQuery(), () -> super.handleQuery(query));
    }

    @Override
    public void dropDatabase(String databaseName) {
        duringRequest(null, () -> {
            super.dropDatabase(databaseName);
            return null;
        });
    }

    /** Commits the last requests and closes the file, once no request runs. */
    @Override
    public void close() {
        committer.shutdownNow();
        requests.writeLock().lock();
        try {
            super.close();
        } finally {
            requests.writeLock().unlock();
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
    }
}
