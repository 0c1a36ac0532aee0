package io.renlayer.proxy.cache;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Read-through cache of configuration snapshots, invalidated by change notifications.
 *
 * <p>A load that raced with an invalidation is not stored: the loader notes the generation before
 * reading and stores only if no invalidation happened meanwhile, so a stale row can never outlive
 * the notification that should have removed it. Absent values are remembered for a short while so
 * that random keys cannot turn into one database read each.
 */
public final class SnapshotCache<K, V> {

    private record Entry<V>(Optional<V> value, long loadedAtNanos) {}

    private final Function<K, Optional<V>> loader;
    private final long absentTtlNanos;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public SnapshotCache(Function<K, Optional<V>> loader, long absentTtlNanos) {
        this.loader = loader;
        this.absentTtlNanos = absentTtlNanos;
    }

    public Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry != null
                && (entry.value().isPresent() || System.nanoTime() - entry.loadedAtNanos() < absentTtlNanos)) {
            return entry.value();
        }
        long before = generation.get();
        Optional<V> loaded = loader.apply(key);
        if (generation.get() == before) {
            entries.put(key, new Entry<>(loaded, System.nanoTime()));
        }
        return loaded;
    }

    public void invalidate(K key) {
        generation.incrementAndGet();
        entries.remove(key);
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
