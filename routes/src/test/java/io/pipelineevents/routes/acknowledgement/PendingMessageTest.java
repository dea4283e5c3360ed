package io.pipelineevents.routes.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingMessageTest {
    private final List<String> decisions = new ArrayList<>();
    private final List<Boolean> finished = new ArrayList<>();
    private final Acknowledger acknowledger = new Acknowledger() {
        @Override
        public void acknowledge(PendingMessage message) {
            decisions.add("acknowledged");
        }

        @Override
        public void giveBack(PendingMessage message, String reason) {
            decisions.add("given back: " + reason);
        }
    };

    private PendingMessage message() {
        return new PendingMessage("m-1", "handle-1", Instant.EPOCH, acknowledger, finished::add);
    }

    @Test
    void isAcknowledgedOnlyWhenTheLastRealmIsDone() {
        PendingMessage message = message();
        message.expectRealm();
        message.expectRealm();
        message.handedOver();

        message.settle();
        assertThat(decisions).isEmpty();
        message.settle();

        assertThat(decisions).containsExactly("acknowledged");
        assertThat(finished).containsExactly(true);
    }

    @Test
    void aRealmFinishingBeforeTheHandOverEndsCannotAcknowledgeEarly() {
        PendingMessage message = message();
        message.expectRealm();
        message.settle();
        assertThat(decisions).isEmpty();

        message.expectRealm();
        message.handedOver();
        assertThat(decisions).isEmpty();
        message.settle();

        assertThat(decisions).containsExactly("acknowledged");
    }

    @Test
    void oneRealmThatCannotTakeItGivesTheMessageBackOnceTheOthersAreDone() {
        PendingMessage message = message();
        message.expectRealm();
        message.expectRealm();
        message.handedOver();

        message.giveBack("queue full");
        message.settle();

        assertThat(decisions).containsExactly("given back: queue full");
        assertThat(finished).containsExactly(false);
    }

    @Test
    void aMessageForNoRealmIsAcknowledgedAtTheHandOver() {
        PendingMessage message = message();
        message.handedOver();

        assertThat(decisions).containsExactly("acknowledged");
    }

    @Test
    void anAbandonedMessageIsGivenBackAndWhatRealmsDoLaterChangesNothing() {
        PendingMessage message = message();
        message.expectRealm();
        message.handedOver();

        message.abandon("stopping");
        message.settle();

        assertThat(decisions).containsExactly("given back: stopping");
        assertThat(finished).containsExactly(false);
    }
}
