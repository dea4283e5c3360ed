package io.pipelineevents.tests.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/** A Splunk realm's ingest endpoint, served by WireMock: answers {@code "OK"} unless told otherwise. */
public final class StubRealm implements AutoCloseable {
    public static final String EVENT_PATH = "/v2/event";

    private final String name;
    private final String token;
    private final WireMockServer server;

    public StubRealm(String name, String token) {
        this.name = name;
        this.token = token;
        this.server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        accept();
    }

    public String name() {
        return name;
    }

    public String token() {
        return token;
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public void accept() {
        answer(200, "\"OK\"");
    }

    public void answer(int status, String body) {
        server.resetMappings();
        server.stubFor(post(urlEqualTo(EVENT_PATH)).willReturn(aResponse().withStatus(status).withBody(body)));
    }

    /** Answers the first request with {@code status} (and a Retry-After header when given), then accepts. */
    public void failOnceThenAccept(int status, String retryAfter) {
        server.resetMappings();
        var failure = aResponse().withStatus(status).withBody("try again");
        if (retryAfter != null) {
            failure = failure.withHeader("Retry-After", retryAfter);
        }
        server.stubFor(post(urlEqualTo(EVENT_PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(failure).willSetStateTo("recovered"));
        server.stubFor(post(urlEqualTo(EVENT_PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("\"OK\"")));
    }

    public List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlEqualTo(EVENT_PATH)));
    }

    public void forgetRequests() {
        server.resetRequests();
    }

    @Override
    public void close() {
        server.stop();
    }
}
