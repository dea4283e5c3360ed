package io.pipelineevents.app.embedded;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineevents.app.StartupException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

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
}
