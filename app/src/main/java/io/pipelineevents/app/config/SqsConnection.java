package io.pipelineevents.app.config;

import java.net.URI;
import java.util.Optional;

/** How to reach SQS: region, optional endpoint override, optional static credentials. */
public record SqsConnection(String region, Optional<URI> endpoint, Optional<StaticCredentials> credentials) {

    /** Static keys; the secret never appears in {@link #toString()}. */
    public record StaticCredentials(String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "StaticCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
        }
    }
}
