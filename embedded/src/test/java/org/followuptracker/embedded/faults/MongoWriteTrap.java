package org.followuptracker.embedded.faults;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sits in the MongoDB-wire server, in front of its storage, and can hold a service right after one of its writes
 * was stored: the write is done, but the service does not hear back, so it cannot go on to commit its Kafka
 * offsets. While it is held, the test kills it. That is the query side dying after writing to MongoDB and before
 * committing its offset, at a moment of the test's choosing.
 */
final class MongoWriteTrap {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete");

    private final AtomicReference<String> armedFor = new AtomicReference<>();
    private volatile CountDownLatch written = new CountDownLatch(1);
    private volatile CountDownLatch released = new CountDownLatch(1);

    /** The backend with this trap in front of it. */
    MongoBackend around(MongoBackend backend) {
        return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
                new Class<?>[] {MongoBackend.class}, (proxy, method, arguments) -> {
                    Object result;
                    try {
                        result = method.invoke(backend, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("handleMessage") && arguments[0] instanceof MongoMessage message) {
                        holdIfArmed(message.getDocument());
                    } else if (method.getName().equals("handleCommand") && arguments[3] instanceof Document command) {
                        holdIfArmed(command);
                    }
                    if (result == backend) {
                        return proxy;
                    }
                    return result;
                });
    }

    /** The next write to a collection whose name ends with {@code collectionSuffix} is stored, then held. */
    void arm(String collectionSuffix) {
        written = new CountDownLatch(1);
        released = new CountDownLatch(1);
        armedFor.set(collectionSuffix);
    }

    /** Waits until an armed write was stored and is being held. */
    boolean awaitHeld(Duration timeout) throws InterruptedException {
        return written.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the held write answer (to a service that is gone by then). */
    void release() {
        armedFor.set(null);
        released.countDown();
    }

    private void holdIfArmed(Document command) throws InterruptedException {
        String suffix = armedFor.get();
        if (suffix == null || command == null || command.isEmpty()) {
            return;
        }
        String verb = command.keySet().iterator().next();
        Object collection = command.get(verb);
        if (WRITES.contains(verb) && collection instanceof String name && name.endsWith(suffix)
                && armedFor.compareAndSet(suffix, null)) {
            written.countDown();
            released.await(2, TimeUnit.MINUTES);
        }
    }
}
