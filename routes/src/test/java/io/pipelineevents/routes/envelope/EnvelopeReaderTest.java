package io.pipelineevents.routes.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelineevents.mappings.Corpus;
import org.junit.jupiter.api.Test;

class EnvelopeReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EnvelopeReader auto = new EnvelopeReader(JSON, BodyFormat.AUTO);

    @Test
    void snsEnvelopeIsOpenedAndItsMessageParsedASecondTime() {
        QueueMessage message = auto.read(Corpus.text("sns-sqs-envelope-pipeline-failed.json"));

        assertThat(message).isInstanceOf(Notification.class);
        Notification notification = (Notification) message;
        assertThat(notification.envelope()).isEqualTo("sns");
        assertThat(notification.messageId()).isEqualTo("5e000000-0000-4000-8000-000000000001");
        assertThat(notification.payload().path("detailType").asText())
                .isEqualTo("CodePipeline Pipeline Execution State Change");
    }

    @Test
    void rawDeliveryAndEventBridgeTargetsAreTheNotificationItself() {
        for (String file : new String[] {"sns-sqs-raw-pipeline-succeeded.json", "eventbridge-stage-started.json",
                "codestar-sns-pipeline-started.json"}) {
            Notification notification = (Notification) auto.read(Corpus.text(file));
            assertThat(notification.envelope()).as(file).isEqualTo("raw");
            assertThat(notification.payload()).as(file).isEqualTo(Corpus.raw(file));
        }
    }

    @Test
    void subscriptionConfirmationIsAControlMessageWithItsSubscribeUrl() {
        QueueMessage message = auto.read(Corpus.text("sns-http-subscription-confirmation.json"));

        assertThat(message).isInstanceOfSatisfying(SnsControlMessage.class, control -> {
            assertThat(control.type()).isEqualTo("SubscriptionConfirmation");
            assertThat(control.subscribeUrl()).startsWith("https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription");
        });
    }

    @Test
    void aBodyThatIsNotJsonIsUnprocessableWithItsPosition() {
        assertThatThrownBy(() -> auto.read("{\"a\": tru}"))
                .isInstanceOf(UnprocessableMessageException.class)
                .hasMessageStartingWith("message body is not JSON:")
                .hasMessageContaining("line 1, column");
    }

    @Test
    void jsonThatIsNotAnObjectIsUnprocessable() {
        assertThatThrownBy(() -> auto.read("[1,2]")).hasMessage("message body is JSON but not an object (it is array)");
        assertThatThrownBy(() -> auto.read("  ")).hasMessage("message body is empty");
    }

    @Test
    void anEnvelopeWhoseMessageIsNotJsonIsUnprocessable() {
        String envelope = "{\"Type\":\"Notification\",\"MessageId\":\"m-1\",\"TopicArn\":\"arn:aws:sns:us-east-1:1:t\","
                + "\"Message\":\"plain text\"}";

        assertThatThrownBy(() -> auto.read(envelope)).hasMessageStartingWith("SNS Message of m-1 is not JSON:");
    }

    @Test
    void anEnvelopeWithoutTopicArnIsNotGuessedAt() {
        String partial = "{\"Type\":\"Notification\",\"MessageId\":\"m-1\",\"Message\":\"{}\"}";

        assertThatThrownBy(() -> auto.read(partial)).hasMessage(
                "body looks like an SNS envelope but has no string TopicArn; refusing to guess whether it is one");
    }

    @Test
    void anEnvelopeWhoseTypeIsNotAStringIsNotGuessedAt() {
        String odd = "{\"Type\":1,\"MessageId\":\"m-1\",\"TopicArn\":\"t\",\"Message\":\"{}\"}";

        assertThatThrownBy(() -> auto.read(odd)).hasMessage(
                "body looks like an SNS envelope but has no string Type; refusing to guess whether it is one");
    }

    @Test
    void textAfterTheJsonValueMakesTheBodyUnprocessable() {
        assertThatThrownBy(() -> auto.read("{\"a\":1} garbage"))
                .isInstanceOf(UnprocessableMessageException.class)
                .hasMessageStartingWith("message body is not JSON:");
    }

    @Test
    void snsEnvelopeFormatRefusesARawBody() {
        EnvelopeReader envelopesOnly = new EnvelopeReader(JSON, BodyFormat.SNS_ENVELOPE);

        assertThatThrownBy(() -> envelopesOnly.read(Corpus.text("eventbridge-stage-started.json")))
                .hasMessageStartingWith("body format is sns-envelope but the body has no SNS envelope");
    }

    @Test
    void rawFormatTakesAnEnvelopeAsTheNotificationItself() {
        EnvelopeReader rawOnly = new EnvelopeReader(JSON, BodyFormat.RAW);

        Notification notification = (Notification) rawOnly.read(Corpus.text("sns-sqs-envelope-pipeline-failed.json"));

        assertThat(notification.payload().path("Type").asText()).isEqualTo("Notification");
    }

    @Test
    void aLambdaEventIsUnprocessable() {
        assertThatThrownBy(() -> auto.read(Corpus.text("lambda-sns-record-stage-started.json")))
                .hasMessageStartingWith("body is a Lambda event (Records[])");
    }
}
