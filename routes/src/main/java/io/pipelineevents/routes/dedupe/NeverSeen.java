package io.pipelineevents.routes.dedupe;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/** The repository used when dedupe is off: every key is new. */
public final class NeverSeen extends ServiceSupport implements IdempotentRepository {
    @Override
    public boolean add(String key) {
        return true;
    }

    @Override
    public boolean contains(String key) {
        return false;
    }

    @Override
    public boolean remove(String key) {
        return true;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        // nothing is kept
    }
}
