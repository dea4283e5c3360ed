package io.pipelineevents.routes.delivery;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;

/**
 * Timeouts of the HTTP client that talks to ingest. Set on the components rather than in endpoint URIs (camel-notes:
 * URI timeouts are not applied everywhere), for both schemes, because {@code http} and {@code https} are separate
 * component instances.
 */
public record IngestHttpSettings(Duration connectTimeout, Duration responseTimeout) {

    public void applyTo(CamelContext context) {
        for (String scheme : new String[] {"http", "https"}) {
            HttpComponent http = context.getComponent(scheme, HttpComponent.class);
            http.setConnectTimeout(connectTimeout.toMillis());
            http.setConnectionRequestTimeout(connectTimeout.toMillis());
            http.setResponseTimeout(responseTimeout.toMillis());
            http.setSoTimeout(responseTimeout.toMillis());
            // HttpClient would otherwise re-send a POST answered 429/503 on its own, behind our back.
            http.setAutomaticRetriesDisabled(true);
            http.setFollowRedirects(false);
        }
    }
}
