package io.pipelineevents.app.sqs;

import io.pipelineevents.app.config.SqsConnection;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Builds the one SqsClient shared by the consumer, the dead-letter producer and {@code send}. One client in the
 * registry is what camel-aws2-sqs autowires, so endpoint override and credentials are decided here, not per URI.
 */
public final class SqsClientFactory {
    private SqsClientFactory() {
    }

    public static SqsClient create(SqsConnection connection) {
        SqsClientBuilder builder = SqsClient.builder()
                .region(Region.of(connection.region()))
                .credentialsProvider(credentials(connection));
        connection.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The same connection, asynchronous: for the SDK's batch manager, which batches the service's deletes. */
    public static SqsAsyncClient createAsync(SqsConnection connection) {
        SqsAsyncClientBuilder builder = SqsAsyncClient.builder()
                .region(Region.of(connection.region()))
                .credentialsProvider(credentials(connection));
        connection.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(SqsConnection connection) {
        return connection.credentials()
                .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }
}
