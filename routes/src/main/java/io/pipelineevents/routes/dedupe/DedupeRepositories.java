package io.pipelineevents.routes.dedupe;

import org.apache.camel.spi.IdempotentRepository;

/**
 * Gives each realm the repository of the delivery keys it accepted. Delivery asks {@code contains(key)} before
 * sending a notification to the realm and calls {@code add(key)} once the realm accepted (or parked) it, never
 * before: with a shared store, an instance that dies mid-send must not leave a key that makes another instance skip
 * the notification.
 *
 * <p>The repositories are Camel services but need no start: they work as soon as they are returned. Close this
 * when the service stops, after Camel: for Redis it closes the connections. When Redis fails after start-up,
 * {@code contains} and {@code add} throw (Spring's {@code DataAccessException}); let that fail the exchange so the
 * message comes back from the queue.
 */
public interface DedupeRepositories extends AutoCloseable {

    /**
     * Opens the store the settings name. For Redis this connects and sends a PING, so a server that cannot be used
     * stops the start-up here.
     *
     * @throws DedupeStoreUnavailableException if Redis does not answer; the message names host and port, never the
     *                                         password
     */
    static DedupeRepositories open(DedupeSettings settings) {
        return switch (settings.store()) {
            case MEMORY -> new MemoryDedupe(settings.ttl(), settings.maxKeys());
            case REDIS -> RedisDedupe.open(settings.redis(), settings.ttl(), settings.keyPrefix());
            case NONE -> {
                NeverSeen everyKeyIsNew = new NeverSeen();
                yield realm -> everyKeyIsNew;
            }
        };
    }

    /**
     * The repository of one realm: the same one for every call with the same name, and one that sees no other
     * realm's keys.
     *
     * @param realm a realm name ({@code [a-z0-9][a-z0-9-]*}, as {@code pipeline-events.realms} allows)
     */
    IdempotentRepository forRealm(String realm);

    /** Releases what the store holds (Redis connections); the repositories must not be used afterwards. */
    @Override
    default void close() {
        // nothing to release
    }
}
