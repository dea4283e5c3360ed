package io.pipelineevents.routes.dedupe;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.spi.IdempotentRepository;

/** Keys in this instance's memory: each realm has its own {@link RecentKeys}, so realms share nothing. */
final class MemoryDedupe implements DedupeRepositories {
    private final Duration ttl;
    private final int maxKeys;
    private final Map<String, RecentKeys> byRealm = new ConcurrentHashMap<>();

    MemoryDedupe(Duration ttl, int maxKeys) {
        this.ttl = ttl;
        this.maxKeys = maxKeys;
    }

    @Override
    public IdempotentRepository forRealm(String realm) {
        return byRealm.computeIfAbsent(realm, name -> new RecentKeys(ttl, maxKeys));
    }
}
