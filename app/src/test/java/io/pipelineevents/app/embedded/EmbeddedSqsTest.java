package io.pipelineevents.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.pipelineevents.app.StartupException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

class EmbeddedSqsTest {
    @Test
    void aTakenPortIsExplainedInOneSentence() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedSqs.start(port))
                    .isInstanceOf(StartupException.class)
                    .hasMessageStartingWith("the embedded SQS server cannot listen on localhost:" + port)
                    .hasMessageContaining("pipeline-events.embedded.port (env PIPELINE_EVENTS_EMBEDDED_PORT)");
        }
    }

    @Test
    void messagesStillOnTheEmbeddedQueueAtStopAreCountedAsLost() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger log = (Logger) LoggerFactory.getLogger(EmbeddedSqs.class);
        logs.start();
        log.addAppender(logs);
        try (EmbeddedSqs server = EmbeddedSqs.start(0);
                SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(server.endpoint()))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
                        .build()) {
            String queue = EmbeddedSqs.createQueues(sqs, "pipeline-events", "pipeline-events-parked");
            sqs.sendMessage(r -> r.queueUrl(queue).messageBody("{}"));
            sqs.sendMessage(r -> r.queueUrl(queue).messageBody("{}"));
            // One of them received and not deleted: in flight when the service stops, lost all the same.
            sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(1));

            server.warnOfMessagesLost(sqs);
        } finally {
            log.detachAppender(logs);
        }

        assertThat(List.copyOf(logs.list)).filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("2 message(s) on the embedded queue pipeline-events are lost: it is held in memory"
                        + " and does not survive a stop. Use an SQS queue (pipeline-events.sqs.queue) where that"
                        + " matters.");
    }
}
