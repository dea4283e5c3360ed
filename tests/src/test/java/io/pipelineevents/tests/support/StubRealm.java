package io.pipelineevents.tests.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A Splunk realm's ingest endpoint, served by WireMock: answers {@code "OK"} unless told otherwise. Faults are
 * injected per test: a status, a connection reset, a slow answer, a number of failures before recovering, or a
 * refusal (413) of requests that carry more than a number of events.
 *
 * <p>WireMock decompresses a gzip request body before logging it, so {@link #events} sees the events whatever the
 * encoding; the {@code Content-Encoding} header is logged as it was sent.
 */
public final class StubRealm implements AutoCloseable {
    public static final String EVENT_PATH = "/v2/event";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OK = "\"OK\"";

    private final String name;
    private final String token;
    private final WireMockServer server;

    public StubRealm(String name, String token) {
        this.name = name;
        this.token = token;
        this.server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new EventCountLimit()));
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

    // --- Answers -----------------------------------------------------------------------------------------------

    /** HTTP 200 with ingest's acceptance, {@code "OK"}. */
    public static ResponseDefinitionBuilder ok() {
        return aResponse().withStatus(200).withBody(OK);
    }

    /** A failure status with a short body. */
    public static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status).withBody("{\"message\":\"stub answer " + status + "\"}");
    }

    /** The connection is reset by the server before any answer. */
    public static ResponseDefinitionBuilder connectionReset() {
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
    }

    /** Answers as told, from now on. */
    public void answer(ResponseDefinitionBuilder answer) {
        server.resetMappings();
        server.resetScenarios();
        server.stubFor(post(urlEqualTo(EVENT_PATH)).willReturn(answer));
    }

    public void accept() {
        answer(ok());
    }

    public void answer(int status, String body) {
        answer(aResponse().withStatus(status).withBody(body));
    }

    /** Accepts, but only after {@code delay}. */
    public void acceptSlowly(Duration delay) {
        answer(ok().withFixedDelay(Math.toIntExact(delay.toMillis())));
    }

    /** Answers the first {@code times} requests with {@code failure}, then accepts every request. */
    public void failTimesThenAccept(int times, ResponseDefinitionBuilder failure) {
        server.resetMappings();
        server.resetScenarios();
        for (int i = 0; i < times; i++) {
            server.stubFor(post(urlEqualTo(EVENT_PATH)).inScenario("flaky")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i)
                    .willReturn(failure).willSetStateTo(i + 1 == times ? "recovered" : "failed-" + (i + 1)));
        }
        server.stubFor(post(urlEqualTo(EVENT_PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(ok()));
    }

    /** Answers the first request with {@code first}, and every later one with {@code then}. */
    public void answerOnceThen(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        server.resetMappings();
        server.resetScenarios();
        server.stubFor(post(urlEqualTo(EVENT_PATH)).inScenario("changing").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("then"));
        server.stubFor(post(urlEqualTo(EVENT_PATH)).inScenario("changing").whenScenarioStateIs("then")
                .willReturn(then));
    }

    /** Answers the first request with {@code status} (and a Retry-After header when given), then accepts. */
    public void failOnceThenAccept(int status, String retryAfter) {
        ResponseDefinitionBuilder failure = status(status);
        if (retryAfter != null) {
            failure = failure.withHeader("Retry-After", retryAfter);
        }
        failTimesThenAccept(1, failure);
    }

    /**
     * Answers 413 Payload Too Large to every request that carries more than {@code maxEvents} events, and accepts
     * the others.
     */
    public void refuseRequestsOver(int maxEvents) {
        answer(ok().withTransformers(EventCountLimit.NAME)
                .withTransformerParameter(EventCountLimit.MAX_EVENTS, maxEvents));
    }

    // --- What it received ----------------------------------------------------------------------------------------

    /** Every request to the event API, oldest first. */
    public List<LoggedRequest> requests() {
        List<LoggedRequest> requests = new ArrayList<>(server.findAll(postRequestedFor(urlEqualTo(EVENT_PATH))));
        requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return requests;
    }

    /** Every event received, in every request, whatever the answer was. */
    public List<JsonNode> events() {
        return requests().stream().flatMap(request -> eventsIn(request).stream()).toList();
    }

    /**
     * The events of the requests this stub accepted (answered 200 {@code "OK"}), oldest first. A slow answer the
     * client gave up waiting for counts too: that is how ingest would see it.
     */
    public List<JsonNode> acceptedEvents() {
        return acceptedRequests().stream().flatMap(request -> eventsIn(request).stream()).toList();
    }

    /** The requests this stub answered with 200 {@code "OK"}, oldest first. */
    public List<LoggedRequest> acceptedRequests() {
        return server.getAllServeEvents().stream()
                .filter(event -> EVENT_PATH.equals(event.getRequest().getUrl()) && isAcceptance(event.getResponse()))
                .map(ServeEvent::getRequest)
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    /** The statuses answered, in the order of the requests; 0 for a connection reset. */
    public List<Integer> answeredStatuses() {
        return server.getAllServeEvents().stream()
                .filter(event -> EVENT_PATH.equals(event.getRequest().getUrl()))
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .map(event -> event.getResponse().getFault() != null ? 0 : event.getResponse().getStatus())
                .toList();
    }

    private static boolean isAcceptance(LoggedResponse response) {
        return response != null && response.getFault() == null && response.getStatus() == 200
                && OK.equals(response.getBodyAsString() == null ? null : response.getBodyAsString().trim());
    }

    /** The events of one request: its body is always a JSON array. */
    public static List<JsonNode> eventsIn(LoggedRequest request) {
        JsonNode body = parse(request.getBodyAsString());
        if (!body.isArray()) {
            throw new AssertionError("a request body is not a JSON array: " + request.getBodyAsString());
        }
        List<JsonNode> events = new ArrayList<>();
        body.forEach(events::add);
        return events;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void forgetRequests() {
        server.resetRequests();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Counts the events of a request and answers 413 when they are more than the stub's parameter allows. */
    private static final class EventCountLimit implements ResponseDefinitionTransformerV2 {
        static final String NAME = "event-count-limit";
        static final String MAX_EVENTS = "maxEvents";

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            int maxEvents = serveEvent.getTransformerParameters().getInt(MAX_EVENTS);
            JsonNode body = parse(serveEvent.getRequest().getBodyAsString());
            if (body.size() > maxEvents) {
                return status(413).withBody("{\"message\":\"" + body.size() + " events: request entity too large\"}")
                        .build();
            }
            return serveEvent.getResponseDefinition();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
