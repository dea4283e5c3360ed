package io.pipelineevents.routes.delivery;

import java.time.Duration;

/**
 * How a realm queues and batches its events. Defaults and meanings are in docs/configuration.md.
 *
 * @param maxEvents     a request carries at most this many events
 * @param maxBytes      ... and at most this many bytes of JSON (one larger event goes alone)
 * @param linger        a batch waits at most this long for more events after its first
 * @param gzipAboveBytes request bodies larger than this are sent gzip-compressed
 * @param queueCapacity notifications a realm holds waiting; beyond that it gives new ones back to the source queue
 * @param workers       requests a realm has in flight at once
 */
public record BatchPolicy(int maxEvents, int maxBytes, Duration linger, int gzipAboveBytes, int queueCapacity,
        int workers) {

    public static final BatchPolicy DEFAULT = new BatchPolicy(100, 256 * 1024, Duration.ofMillis(200), 1536, 10_000, 2);

    public BatchPolicy {
        if (maxEvents < 1 || maxBytes < 1 || queueCapacity < 1 || workers < 1) {
            throw new IllegalArgumentException("batch sizes, queue capacity and workers must be at least 1");
        }
    }
}
