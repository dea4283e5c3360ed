package io.pipelineevents.routes.delivery;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Joins the realms' branches of the fan-out: the source exchange fails if any realm failed, and otherwise keeps its
 * own message. Camel's default would copy the last branch's message over it, losing the SQS receipt handle the
 * consumer needs to delete the message, and carrying a realm's request headers back into the source exchange.
 */
public final class EveryRealmMustAccept implements AggregationStrategy {

    /** Set by each realm's route on its branch, so that a failure can name the realm. */
    public static final String REALM = "pipelineEventsRealm";

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        nameTheRealm(newExchange);
        if (oldExchange == null) {
            return newExchange;
        }
        if (oldExchange.getException() == null && newExchange.getException() != null) {
            oldExchange.setException(newExchange.getException());
        }
        return oldExchange;
    }

    private static void nameTheRealm(Exchange branch) {
        Exception failure = branch.getException();
        String realm = branch.getProperty(REALM, String.class);
        if (failure != null && realm != null && !(failure instanceof RealmDeliveryException)) {
            int attempts = branch.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) + 1;
            branch.setException(RealmDeliveryException.of(realm, attempts, failure));
        }
    }

    @Override
    public void onCompletion(Exchange result, Exchange source) {
        if (result != null && source != null) {
            result.setMessage(source.getMessage().copy());
        }
    }
}
