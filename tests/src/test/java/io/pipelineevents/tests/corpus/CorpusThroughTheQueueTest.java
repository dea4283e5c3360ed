package io.pipelineevents.tests.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pipelineevents.routes.source.NotificationOutcome;
import io.pipelineevents.mappings.Corpus;
import io.pipelineevents.tests.support.GoldenFiles;
import io.pipelineevents.tests.support.RunningService;
import io.pipelineevents.tests.support.StubRealm;
import io.pipelineevents.tests.support.TestQueues;
import io.pipelineevents.tests.support.TestSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus notification that can arrive on a queue goes through the real application, from an ElasticMQ
 * queue to two stub realms; the exact payload each realm receives is compared with a golden file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusThroughTheQueueTest {
    /** Files that are not CodePipeline notifications, or not notifications at all, and what becomes of them. */
    private static final Map<String, NotificationOutcome> WITHOUT_EVENTS = Map.ofEntries(
            Map.entry("codebuild-build-failed.json", NotificationOutcome.UNMATCHED),
            Map.entry("codedeploy-deployment-succeeded.json", NotificationOutcome.UNMATCHED),
            Map.entry("github-workflow-run-completed.json", NotificationOutcome.UNMATCHED),
            Map.entry("github-deployment-status-success.json", NotificationOutcome.UNMATCHED),
            Map.entry("gitlab-pipeline-failed.json", NotificationOutcome.UNMATCHED),
            Map.entry("jenkins-notification-completed-failure.json", NotificationOutcome.UNMATCHED),
            Map.entry("circleci-workflow-completed-failed.json", NotificationOutcome.UNMATCHED),
            Map.entry("cdevents-0.4.1-pipelinerun-finished.json", NotificationOutcome.UNMATCHED),
            Map.entry("cdevents-0.5.1-service-deployed.json", NotificationOutcome.UNMATCHED),
            Map.entry("sns-http-subscription-confirmation.json", NotificationOutcome.CONTROL),
            Map.entry("sns-http-unsubscribe-confirmation.json", NotificationOutcome.CONTROL),
            // A Lambda invocation event is not a queue message; it is parked rather than guessed at.
            Map.entry("lambda-sns-record-stage-started.json", NotificationOutcome.UNPROCESSABLE));

    private TestQueues queues;
    private StubRealm alpha;
    private StubRealm beta;
    private RunningService service;
    private String queueUrl;
    private String deadLetterUrl;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        queues = new TestQueues();
        queueUrl = queues.createQueue("corpus");
        deadLetterUrl = queues.createQueue("corpus-parked");
        alpha = new StubRealm("alpha", "alpha-token-1234");
        beta = new StubRealm("beta", "beta-token-5678");
        // Dedupe off: some corpus files are the same event by two routes (sns-sqs-raw-pipeline-succeeded.json is
        // eventbridge-pipeline-succeeded.json), and each file is checked on its own here. DedupeTest covers dedupe.
        service = RunningService.start(dir, TestSettings.queue(queues, queueUrl).deadLetterQueue(deadLetterUrl)
                .realm(alpha).realm(beta).with("dedupe.max-keys", "0").build());
    }

    @AfterAll
    void stop() {
        service.close();
        alpha.close();
        beta.close();
        queues.close();
    }

    List<String> notifications() {
        return Corpus.samples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notifications")
    void eachNotificationReachesEveryRealmAsItsGoldenPayload(String file) {
        NotificationOutcome expected = WITHOUT_EVENTS.getOrDefault(file, NotificationOutcome.DELIVERED);
        long before = service.outcomes(expected);
        alpha.forgetRequests();
        beta.forgetRequests();
        long finished = service.finished();

        queues.send(queueUrl, Corpus.text(file));

        await().atMost(Duration.ofSeconds(20)).until(() -> service.finished() > finished);
        assertThat(service.outcomes(expected)).as("outcome %s for %s", expected.tag(), file).isEqualTo(before + 1);
        if (expected == NotificationOutcome.DELIVERED) {
            assertThat(alpha.requests()).hasSize(1);
            assertThat(beta.requests()).hasSize(1);
            LoggedRequest toAlpha = alpha.requests().get(0);
            assertThat(toAlpha.getHeader("X-SF-Token")).isEqualTo(alpha.token());
            assertThat(beta.requests().get(0).getHeader("X-SF-Token")).isEqualTo(beta.token());
            assertThat(toAlpha.getHeader("Content-Type")).startsWith("application/json");
            assertThat(beta.requests().get(0).getBodyAsString()).isEqualTo(toAlpha.getBodyAsString());
            GoldenFiles.assertMatches(file, toAlpha.getBodyAsString());
        } else {
            assertThat(alpha.requests()).isEmpty();
            assertThat(beta.requests()).isEmpty();
        }
    }

    @Test
    void everyCorpusFileIsClassified() {
        assertThat(notifications()).containsAll(WITHOUT_EVENTS.keySet());
        assertThat(notifications()).hasSizeGreaterThan(WITHOUT_EVENTS.size() + 30);
    }
}
