package io.pipelineevents.routes.dedupe;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * One realm's keys in memory: each for {@code ttl} after it was added, and at most {@code maxKeys} of them, the
 * oldest forgotten first.
 *
 * <p>Not Camel's {@code MemoryIdempotentRepository} over a Caffeine map: Caffeine bounds its size by frequency
 * (W-TinyLFU), and a key that was added once and not read yet loses to older ones, so once full it forgets the
 * newest keys, the very ones a duplicate comes back for (measured: a duplicate arriving 500 keys after its original
 * in a full cache of 1000 was recognised 1 time in 10). Here the order is plain insertion order, which with one
 * TTL for all keys is also the order in which they expire.
 */
final class RecentKeys extends ServiceSupport implements IdempotentRepository {
    private final long ttlNanos;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    /** Key to the {@link System#nanoTime()} at which it is forgotten, oldest first. */
    private final Map<String, Long> deadlines = new LinkedHashMap<>();

    RecentKeys(Duration ttl, int maxKeys) {
        this(ttl, maxKeys, System::nanoTime);
    }

    RecentKeys(Duration ttl, int maxKeys, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized boolean add(String key) {
        long now = forgetExpired();
        if (deadlines.containsKey(key)) {
            return false;
        }
        deadlines.put(key, now + ttlNanos);
        if (deadlines.size() > maxKeys) {
            Iterator<String> oldest = deadlines.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    @Override
    public synchronized boolean contains(String key) {
        forgetExpired();
        return deadlines.containsKey(key);
    }

    @Override
    public synchronized boolean remove(String key) {
        return deadlines.remove(key) != null;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public synchronized void clear() {
        deadlines.clear();
    }

    /** How many keys are remembered now. */
    synchronized int size() {
        forgetExpired();
        return deadlines.size();
    }

    /** Drops the expired keys, all at the head since they were added in deadline order; returns the time now. */
    private long forgetExpired() {
        long now = nanoTime.getAsLong();
        Iterator<Long> oldest = deadlines.values().iterator();
        // nanoTime values are compared by difference: they may wrap.
        while (oldest.hasNext() && oldest.next() - now <= 0) {
            oldest.remove();
        }
        return now;
    }
}
