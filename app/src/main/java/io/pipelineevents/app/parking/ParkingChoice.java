package io.pipelineevents.app.parking;

import io.pipelineevents.app.config.Settings;
import io.pipelineevents.app.sqs.QueueUrls;
import io.pipelineevents.routes.parking.DirectoryParkingPlace;
import io.pipelineevents.routes.parking.ParkedStore;
import io.pipelineevents.routes.parking.SqsParkingPlace;
import io.pipelineevents.routes.source.QueueRef;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where realms park what they cannot deliver, the same for the service and for {@code parked list} and
 * {@code replay}: the dead-letter queue of a real SQS source when one is configured; otherwise a local directory,
 * which survives restarts (the embedded queue's own dead-letter queue lives only as long as the process).
 */
public final class ParkingChoice {
    private ParkingChoice() {
    }

    public static ParkedStore open(Settings settings, SqsClient sqs) throws QueueUrls.QueueUnavailableException {
        Optional<QueueRef> deadLetterQueue = settings.queue().source().deadLetterQueue();
        if (!settings.queue().embedded() && deadLetterQueue.isPresent()) {
            return new SqsParkingPlace(sqs, QueueUrls.resolve(sqs, deadLetterQueue.get(), "dead-letter"));
        }
        return new DirectoryParkingPlace(settings.parkingDirectory());
    }
}
