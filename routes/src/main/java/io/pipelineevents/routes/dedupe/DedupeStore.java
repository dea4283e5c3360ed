package io.pipelineevents.routes.dedupe;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where each realm keeps the delivery keys of the notifications it accepted ({@code pipeline-events.dedupe.store}). */
public enum DedupeStore {
    /** In this instance's memory: lost on restart, not seen by other instances. */
    MEMORY,
    /** In Redis: survives a restart and is shared by every instance that uses the same Redis and key prefix. */
    REDIS,
    /** Nowhere: dedupe is off and every notification is sent to every realm. */
    NONE;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DedupeStore fromConfig(String value) {
        for (DedupeStore store : values()) {
            if (store.configName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return store;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a dedupe store; use one of "
                + Arrays.stream(values()).map(DedupeStore::configName).collect(Collectors.joining(", ")));
    }
}
