package io.pipelineevents.app.cli;

import io.pipelineevents.app.config.QueueAccess;
import io.pipelineevents.app.sqs.QueueUrls;
import io.pipelineevents.app.sqs.SqsClientFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Publish notification files to the configured queue (embedded or AWS), one message per file,"
                + " the file's content as the body.")
final class SendCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Notification files (JSON).")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        QueueAccess queue = config.configFile().readQueueAccess();
        try (SqsClient sqs = SqsClientFactory.create(queue.connection())) {
            String queueUrl;
            try {
                queueUrl = QueueUrls.resolve(sqs, queue.source().queue(), "target");
            } catch (QueueUrls.QueueUnavailableException e) {
                spec.commandLine().getErr().println(e.getMessage() + (queue.embedded()
                        ? System.lineSeparator() + "Is './pipeline-events run' running? It starts the embedded queue."
                        : ""));
                return ExitCodes.FAILED;
            }
            int failed = 0;
            for (Path file : files) {
                failed += send(sqs, queueUrl, file) ? 0 : 1;
            }
            return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private boolean send(SqsClient sqs, String queueUrl, Path file) {
        try {
            String body = MessageFile.read(file);
            String id = sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body)).messageId();
            spec.commandLine().getOut().println("sent " + file + " as message " + id);
            return true;
        } catch (MessageFile.UnsendableFileException e) {
            spec.commandLine().getErr().println("could not send " + file + ": " + e.getMessage());
            return false;
        } catch (SdkException e) {
            spec.commandLine().getErr().println("could not send " + file + ": " + e.getMessage());
            return false;
        }
    }
}
