package org.followuptracker.query.store;

import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Held by the live consumer while it applies a batch of events, and by a rebuild while it makes its generation
 * live: so no event is applied to the old generation after the rebuild read up to the end of the topic.
 */
@Component
public class ProjectionGate {

    private final ReentrantLock lock = new ReentrantLock(true);

    public void lock() {
        lock.lock();
    }

    public void unlock() {
        lock.unlock();
    }
}
