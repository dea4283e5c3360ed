package io.pipelineevents.tests.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.pipelineevents.mappings.Corpus;
import io.pipelineevents.tests.support.RunningService;
import io.pipelineevents.tests.support.StubRealm;
import io.pipelineevents.tests.support.TestQueues;
import io.pipelineevents.tests.support.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A realm's token reaches the realm in its header and appears nowhere in the logs, even when the realm refuses it. */
class TokenSecrecyTest {
    private static final String TOKEN = "tok-SECRET-9f8e7d6c5b4a";

    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();

    @TempDir
    Path dir;

    @AfterEach
    void restoreTestLogging() throws Exception {
        configure("logback-test.xml", "INFO");
    }

    @Test
    void aRefusedTokenIsNeverLogged() throws Exception {
        assertNoTokenIn(captureLogsOfARefusal());
    }

    @Test
    void aTokenIsNeverLoggedEvenWithTheShippedConfigurationAtDebug() throws Exception {
        // The shipped logback.xml with PIPELINE_EVENTS_LOG_LEVEL=DEBUG: HTTP client header logging must stay off.
        configure("logback.xml", "DEBUG");
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender("STDERR");

        List<ILoggingEvent> logs = captureLogsOfARefusal();

        assertThat(logs).anyMatch(event -> event.getLevel().toInt() == ch.qos.logback.classic.Level.DEBUG_INT);
        assertNoTokenIn(logs);
    }

    private List<ILoggingEvent> captureLogsOfARefusal() throws Exception {
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.setContext(logging);
        logs.start();
        root.addAppender(logs);
        try (TestQueues queues = new TestQueues(); StubRealm realm = new StubRealm("alpha", TOKEN)) {
            realm.answer(401, "{\"message\":\"invalid token\"}");
            String queueUrl = queues.createQueue("secrecy");
            try (RunningService service = RunningService.start(dir, TestSettings.queue(queues, queueUrl).realm(realm)
                    .build())) {
                queues.send(queueUrl, Corpus.text("eventbridge-pipeline-started.json"));

                // Refused for good: parked, and the reason logged.
                await().atMost(Duration.ofSeconds(20)).until(() -> service.parkedEvents("alpha") >= 1);
                assertThat(realm.requests().get(0).getHeader("X-SF-Token")).isEqualTo(TOKEN);
            }
        } finally {
            root.detachAppender(logs);
        }
        return List.copyOf(logs.list);
    }

    private static void assertNoTokenIn(List<ILoggingEvent> logs) {
        assertThat(logs).isNotEmpty();
        for (ILoggingEvent event : logs) {
            assertThat(event.getFormattedMessage()).doesNotContain(TOKEN);
            if (event.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy())).doesNotContain(TOKEN);
            }
        }
    }

    private void configure(String resource, String level) throws Exception {
        logging.reset();
        logging.putProperty("PIPELINE_EVENTS_LOG_LEVEL", level);
        logging.putProperty("PIPELINE_EVENTS_CAMEL_LOG_LEVEL", level);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logging);
        configurator.doConfigure(getClass().getClassLoader().getResource(resource));
    }
}
