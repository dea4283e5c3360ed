package io.pipelineevents.benchmarks.endtoend;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelineevents.mappings.MappingSet;
import io.pipelineevents.mappings.event.IngestPolicy;
import io.pipelineevents.mappings.event.SplunkEvent;
import io.pipelineevents.routes.envelope.BodyFormat;
import io.pipelineevents.routes.envelope.EnvelopeReader;
import io.pipelineevents.routes.envelope.Notification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The baseline: what the original demo Lambda and Splunk's forwarder do. One thread takes a message, maps it with
 * the same engine and preset, and POSTs each event on its own, one realm after the other, waiting for each answer;
 * then deletes the message. No batching, no parallel requests.
 */
final class PerEventBaseline {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PerEventBaseline() {
    }

    /**
     * Runs for {@code duration} (or until {@code available} notifications are done); notifications per second.
     */
    static double notificationsPerSecond(LocalQueue queue, String url, List<IngestSink> realms, int available,
            Duration duration) throws Exception {
        MappingSet mappings = MappingSet.preset("codepipeline");
        EnvelopeReader reader = new EnvelopeReader(JSON, BodyFormat.AUTO);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int done = 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (SqsClient sqs = queue.client()) {
            while (System.nanoTime() < end && done < available) {
                for (Message message : sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                        .waitTimeSeconds(1)).messages()) {
                    Notification notification = (Notification) reader.read(message.body());
                    List<SplunkEvent> events = mappings.apply(notification.payload()).admit(IngestPolicy.SANITIZE)
                            .events();
                    for (IngestSink realm : realms) {
                        for (SplunkEvent event : events) {
                            post(http, realm, JSON.writeValueAsBytes(List.of(event)));
                        }
                    }
                    sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
                    done++;
                }
            }
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }

    private static void post(HttpClient http, IngestSink realm, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm.url() + "/v2/event"))
                .header("Content-Type", "application/json").header("X-SF-Token", realm.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(realm.name() + " answered " + response.statusCode());
        }
    }
}
