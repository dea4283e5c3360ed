package io.pipelineevents.routes.dedupe;

import java.time.Duration;
import java.util.Objects;

/**
 * How each realm remembers the delivery keys of the notifications it accepted, so that a duplicate is not sent to
 * it again. Read from {@code pipeline-events.dedupe.*} (docs/configuration.md).
 *
 * @param store     where the keys are kept
 * @param ttl       how long a key is remembered after it was added; Redis keeps whole seconds, rounded up
 * @param maxKeys   memory store only: how many keys each realm keeps at most, the oldest forgotten first; 0 keeps
 *                  none (dedupe off, as {@link DedupeStore#NONE})
 * @param redis     Redis store only: the server
 * @param keyPrefix Redis store only: a realm's keys are {@code <keyPrefix><realm>:<delivery key>}; instances that
 *                  must see each other's keys use the same prefix
 */
public record DedupeSettings(DedupeStore store, Duration ttl, int maxKeys, RedisAddress redis, String keyPrefix) {

    /**
     * A day. Duplicates come far sooner in practice: SNS and EventBridge send their rare duplicates within seconds or
     * minutes, and EventBridge stops retrying a target after 24 hours by default. SQS brings a message back after
     * each visibility timeout (at most 12 hours, typically minutes) until it is deleted or its redrive policy moves
     * it to the dead-letter queue after maxReceiveCount receives, e.g. 5 × 2 minutes: a realm that accepted has to
     * remember only that long. A queue with no redrive policy and a long retention (up to 14 days) can redeliver for
     * longer; raise the TTL for it.
     */
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    /** A day of 100 000 notifications per realm; when full, about 15 MB of heap per realm (measured with SNS ids). */
    public static final int DEFAULT_MAX_KEYS = 100_000;
    /** The Redis a developer or CI machine runs locally. */
    public static final RedisAddress DEFAULT_REDIS = RedisAddress.fromConfig("redis://127.0.0.1:6379");
    public static final String DEFAULT_KEY_PREFIX = "pipeline-events:dedupe:";

    public DedupeSettings {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, not " + ttl);
        }
        if (maxKeys < 0) {
            throw new IllegalArgumentException("maxKeys must be 0 or more, not " + maxKeys);
        }
    }

    /** In memory, 24 hours, 100 000 keys per realm. */
    public static DedupeSettings defaults() {
        return new DedupeSettings(DedupeStore.MEMORY, DEFAULT_TTL, DEFAULT_MAX_KEYS, DEFAULT_REDIS, DEFAULT_KEY_PREFIX);
    }

    /** For the start-up log, e.g. "memory, at most 100000 keys per realm, each for PT24H". */
    public String describe() {
        return switch (store) {
            case NONE -> "off";
            case MEMORY -> maxKeys == 0 ? "off (max-keys 0)"
                    : "memory, at most " + maxKeys + " keys per realm, each for " + ttl;
            case REDIS -> "redis at " + redis + ", keys " + keyPrefix + "<realm>:<key>, each for " + ttl;
        };
    }
}
