package io.pipelineevents.tests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.pipelineevents.routes.source.NotificationOutcome;
import io.pipelineevents.mappings.Corpus;
import io.pipelineevents.tests.support.RunningService;
import io.pipelineevents.tests.support.StubRealm;
import io.pipelineevents.tests.support.TestQueues;
import io.pipelineevents.tests.support.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A realm's token reaches the realm in its header and appears nowhere in the logs, even when the realm refuses it. */
class TokenSecrecyTest {
    private static final String TOKEN = "tok-SECRET-9f8e7d6c5b4a";

    @Test
    void aRefusedTokenIsNeverLogged(@TempDir Path dir) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try (TestQueues queues = new TestQueues(); StubRealm realm = new StubRealm("alpha", TOKEN)) {
            realm.answer(401, "{\"message\":\"invalid token\"}");
            String queueUrl = queues.createQueue("secrecy");
            try (RunningService service = RunningService.start(dir, TestSettings.queue(queues, queueUrl).realm(realm)
                    .build())) {
                queues.send(queueUrl, Corpus.text("eventbridge-pipeline-started.json"));

                await().atMost(Duration.ofSeconds(20))
                        .until(() -> service.outcomes(NotificationOutcome.DELIVERY_FAILED) >= 1);
                assertThat(realm.requests().get(0).getHeader("X-SF-Token")).isEqualTo(TOKEN);
            }
        } finally {
            root.detachAppender(logs);
        }
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(TOKEN);
            if (event.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy())).doesNotContain(TOKEN);
            }
        }
    }
}
