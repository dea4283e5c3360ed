package io.pipelineevents.routes.source;

import java.net.URI;
import java.util.Optional;

/**
 * An SQS queue given by name or by URL. A URL is used as given (it names account and region); a name is looked up
 * through the configured endpoint.
 */
public record QueueRef(String name, Optional<URI> url) {

    public static QueueRef parse(String nameOrUrl) {
        String value = nameOrUrl.trim();
        if (value.startsWith("https://") || value.startsWith("http://")) {
            URI url = URI.create(value);
            String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("queue URL '" + value + "' does not end in a queue name");
            }
            return new QueueRef(name, Optional.of(url));
        }
        if (!value.matches("[A-Za-z0-9_-]{1,80}(\\.fifo)?")) {
            throw new IllegalArgumentException("'" + value + "' is neither a queue URL nor a queue name"
                    + " (1 to 80 letters, digits, '-' or '_', optionally ending in .fifo)");
        }
        return new QueueRef(value, Optional.empty());
    }

    /** A Camel aws2-sqs endpoint for this queue using the registry's {@code sqsClient}, plus extra options. */
    public String endpointUri(String options) {
        StringBuilder uri = new StringBuilder("aws2-sqs://").append(name)
                .append("?amazonSQSClient=#").append(SqsSource.CLIENT_BEAN).append("&autoCreateQueue=false");
        url.ifPresent(u -> uri.append("&queueUrl=RAW(").append(u).append(')'));
        if (!options.isEmpty()) {
            uri.append('&').append(options);
        }
        return uri.toString();
    }

    @Override
    public String toString() {
        return url.map(URI::toString).orElse(name);
    }
}
