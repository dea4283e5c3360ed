package io.pipelineevents.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineevents.routes.acknowledgement.Acknowledger;
import io.pipelineevents.routes.acknowledgement.PendingMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A realm says once per notification whether it is done with it: settled, or given back. */
class RealmWorkTest {
    private final List<String> fates = new ArrayList<>();
    private final PendingMessage message = new PendingMessage("m-1", "handle-1", Instant.EPOCH, new Acknowledger() {
        @Override
        public void acknowledge(PendingMessage pending) {
            fates.add("acknowledged");
        }

        @Override
        public void giveBack(PendingMessage pending, String reason) {
            fates.add("given back: " + reason);
        }
    }, acknowledged -> { });

    private RealmWork work(int events) {
        List<EncodedEvent> encoded = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            encoded.add(new EncodedEvent("{}".getBytes(StandardCharsets.UTF_8)));
        }
        message.expectRealm();
        return new RealmWork(message, "key", encoded, done -> { });
    }

    @Test
    void aRealmWhoseBatchesEachFailGivesTheMessageBackOnceAndDoesNotFinishItForAnotherRealm() {
        RealmWork failing = work(2);
        RealmWork other = work(1);
        message.handedOver();

        failing.giveBack("first half could not be parked");
        failing.giveBack("second half could not be parked");

        assertThat(fates).as("the other realm is still working on it").isEmpty();
        other.settled(1);
        assertThat(fates).containsExactly("given back: first half could not be parked");
    }

    @Test
    void aGiveBackAfterTheRealmSettledChangesNothing() {
        RealmWork done = work(1);
        RealmWork other = work(1);
        message.handedOver();

        done.settled(1);
        done.giveBack("too late");

        assertThat(fates).isEmpty();
        other.settled(1);
        assertThat(fates).containsExactly("acknowledged");
    }
}
