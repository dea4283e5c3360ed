package io.pipelineevents.app.config;

import io.pipelineevents.app.status.StatusSettings;
import io.pipelineevents.routes.dedupe.DedupeSettings;
import io.pipelineevents.routes.dedupe.DedupeStore;
import io.pipelineevents.routes.dedupe.RedisAddress;
import io.pipelineevents.routes.delivery.BatchPolicy;
import io.pipelineevents.routes.delivery.IngestHttpSettings;
import io.pipelineevents.routes.delivery.IngestToken;
import io.pipelineevents.routes.delivery.Realm;
import io.pipelineevents.routes.delivery.RetryPolicy;
import io.pipelineevents.routes.envelope.BodyFormat;
import io.pipelineevents.routes.source.QueueRef;
import io.pipelineevents.routes.source.SqsSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.pipelineevents.mappings.event.IngestPolicy;
import io.pipelineevents.mappings.template.NearestName;
import org.apache.camel.spi.PropertiesComponent;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The one place where configuration is read and validated. Values come from Camel's properties component, so a
 * config file overrides the defaults in {@code pipeline-events-defaults.properties} and an environment variable
 * overrides both. Every problem is collected and reported at once, naming the property and its variable; token
 * values are never echoed.
 */
public final class SettingsReader {
    public static final String PREFIX = "pipeline-events.";
    public static final String EMBEDDED_QUEUE = "pipeline-events";
    public static final String EMBEDDED_DEAD_LETTER_QUEUE = "pipeline-events-parked";
    static final String EMBEDDED_REGION = "us-east-1";

    private static final Pattern REALM_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern AWS_URL_REGION = Pattern.compile("sqs[.-]([a-z0-9-]+)\\.amazonaws\\.com");

    private static final Pattern REALM_KEY = Pattern.compile(Pattern.quote(PREFIX) + "realm\\.([^.]+)\\.(.+)");
    private static final String CAMEL_PREFIX = "camel.";
    private static final List<String> RETRY_SETTINGS = List.of("retry.max-attempts", "retry.initial-backoff-ms",
            "retry.max-backoff-ms", "retry.retry-after-cap-ms", "retry.max-elapsed-ms");
    private static final List<String> BATCH_SETTINGS = List.of("batch.max-events", "batch.max-bytes",
            "batch.linger-ms", "batch.gzip-above-bytes", "queue-capacity", "workers");
    private static final List<String> REALM_ATTRIBUTES = java.util.stream.Stream.of(
            List.of("token", "url", "realm", "ingest-policy"), RETRY_SETTINGS, BATCH_SETTINGS)
            .flatMap(List::stream).toList();
    private static final List<String> KNOWN_KEYS = List.of("sqs.queue", "sqs.region", "sqs.endpoint",
            "sqs.access-key", "sqs.secret-key", "sqs.dead-letter-queue", "sqs.body-format", "sqs.consumers",
            "sqs.max-messages-per-poll", "sqs.wait-time-seconds", "sqs.visibility-timeout-seconds", "embedded.port",
            "mappings.path", "mappings.preset", "realms", "ingest-policy", "http.connect-timeout-ms",
            "http.response-timeout-ms", "dedupe.max-keys", "dedupe.store", "dedupe.ttl-seconds", "dedupe.redis-url", "parking.directory", "shutdown.deadline-ms",
            "status.file", "status.log-interval-seconds")
            .stream().map(key -> PREFIX + key).collect(java.util.stream.Collectors.toCollection(ArrayList::new));

    static {
        RETRY_SETTINGS.forEach(key -> KNOWN_KEYS.add(PREFIX + key));
        BATCH_SETTINGS.forEach(key -> KNOWN_KEYS.add(PREFIX + key));
    }

    private final PropertiesComponent properties;
    private final List<String> problems = new ArrayList<>();
    private Predicate<String> tokenRequired = realm -> true;

    private SettingsReader(PropertiesComponent properties) {
        this.properties = properties;
    }

    /** Everything {@code run} needs. */
    public static Settings read(PropertiesComponent properties) throws InvalidSettingsException {
        return read(properties, SettingsReader::settings);
    }

    /** Everything, but a realm without a token is no problem: for commands that send nothing. */
    public static Settings readWithoutTokens(PropertiesComponent properties) throws InvalidSettingsException {
        return read(properties, reader -> {
            reader.tokenRequired = realm -> false;
            return reader.settings();
        });
    }

    /** Everything, with a token required only for {@code realm}: for a command that sends to that realm alone. */
    public static Settings readWithTokenOf(PropertiesComponent properties, String realm)
            throws InvalidSettingsException {
        return read(properties, reader -> {
            reader.tokenRequired = realm::equals;
            return reader.settings();
        });
    }

    private Settings settings() {
        return new Settings(queueAccess(), mappings(), realms(), http(), dedupe(),
                Path.of(text("parking.directory").orElse("parked")),
                Duration.ofMillis(integer("shutdown.deadline-ms", 0, 3_600_000, 20_000)),
                new StatusSettings(Path.of(text("status.file").orElse("pipeline-events.status.json")),
                        Duration.ofSeconds(integer("status.log-interval-seconds", 0, 86_400, 60))));
    }

    /** Only what reaching the queue needs, for {@code send}: no realm, token or mapping is read. */
    public static QueueAccess readQueueAccess(PropertiesComponent properties) throws InvalidSettingsException {
        return read(properties, SettingsReader::queueAccess);
    }

    /** Only the mapping settings, for the commands that preview and check mappings. */
    public static MappingsChoice readMappings(PropertiesComponent properties) throws InvalidSettingsException {
        return read(properties, SettingsReader::mappings);
    }

    /** Reads a part of the settings; whatever the part, a key that is no setting at all is reported too. */
    private static <T> T read(PropertiesComponent properties, Function<SettingsReader, T> part)
            throws InvalidSettingsException {
        SettingsReader reader = new SettingsReader(properties);
        T value = part.apply(reader);
        reader.unknownKeys();
        reader.failOnProblems();
        return value;
    }

    private void failOnProblems() throws InvalidSettingsException {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /** The environment variable that overrides a property, as Camel derives it. */
    public static String environmentVariable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private QueueAccess queueAccess() {
        Optional<String> queueSetting = text("sqs.queue");
        Optional<Integer> embeddedPort = queueSetting.isPresent() ? Optional.empty()
                : Optional.of(integer("embedded.port", 1, 65535, 9324));

        QueueRef parsedQueue = queueSetting.isPresent() ? parse("sqs.queue", queueSetting.get(), QueueRef::parse)
                : QueueRef.parse(EMBEDDED_QUEUE);
        // A queue that failed to parse stands in as the embedded one so that the other problems are still found,
        // without consequential ones about its region.
        QueueRef queue = parsedQueue == null ? QueueRef.parse(EMBEDDED_QUEUE) : parsedQueue;
        Optional<QueueRef> deadLetterQueue = text("sqs.dead-letter-queue")
                .map(q -> parse("sqs.dead-letter-queue", q, QueueRef::parse))
                .or(() -> embeddedPort.map(port -> QueueRef.parse(EMBEDDED_DEAD_LETTER_QUEUE)));

        SqsSource source = new SqsSource(
                queue,
                deadLetterQueue,
                parse("sqs.body-format", text("sqs.body-format").orElse("auto"), BodyFormat::fromConfig),
                integer("sqs.consumers", 1, 64, 1),
                integer("sqs.max-messages-per-poll", 1, 10, 10),
                integer("sqs.wait-time-seconds", 0, 20, 20),
                text("sqs.visibility-timeout-seconds").map(v -> integer("sqs.visibility-timeout-seconds", 0, 43200, 30)));
        if (deadLetterQueue.isPresent() && deadLetterQueue.get().toString().equals(queue.toString())) {
            problem("sqs.dead-letter-queue", "must not be the source queue itself");
        }

        SqsConnection connection = embeddedPort
                .map(port -> new SqsConnection(EMBEDDED_REGION, Optional.of(URI.create("http://localhost:" + port)),
                        Optional.of(new SqsConnection.StaticCredentials("embedded", "embedded"))))
                .orElseGet(() -> parsedQueue == null ? new SqsConnection("", Optional.empty(), Optional.empty())
                        : connection(queue));
        return new QueueAccess(source, connection, embeddedPort);
    }

    private DedupeSettings dedupe() {
        DedupeStore store = parse("dedupe.store", text("dedupe.store").orElse(DedupeStore.MEMORY.configName()),
                DedupeStore::fromConfig);
        RedisAddress redis = text("dedupe.redis-url").map(url -> parse("dedupe.redis-url", url, RedisAddress::fromConfig))
                .orElse(DedupeSettings.DEFAULT_REDIS);
        return new DedupeSettings(store == null ? DedupeStore.MEMORY : store,
                Duration.ofSeconds(integer("dedupe.ttl-seconds", 1, 1_209_600,
                        (int) DedupeSettings.DEFAULT_TTL.toSeconds())),
                integer("dedupe.max-keys", 0, 10_000_000, DedupeSettings.DEFAULT_MAX_KEYS),
                redis == null ? DedupeSettings.DEFAULT_REDIS : redis, DedupeSettings.DEFAULT_KEY_PREFIX);
    }

    private IngestHttpSettings http() {
        return new IngestHttpSettings(
                Duration.ofMillis(integer("http.connect-timeout-ms", 1, 600_000, 5000)),
                Duration.ofMillis(integer("http.response-timeout-ms", 1, 600_000, 15000)));
    }

    private SqsConnection connection(QueueRef queue) {
        Optional<String> region = text("sqs.region")
                .or(() -> queue.url().map(URI::getHost).map(AWS_URL_REGION::matcher).filter(Matcher::find)
                        .map(m -> m.group(1)))
                .or(SettingsReader::awsDefaultRegion);
        if (region.isEmpty()) {
            problem("sqs.region", "is needed: the queue '" + queue + "' does not name an AWS region, and none is set"
                    + " in AWS_REGION or the AWS profile");
        }
        Optional<URI> endpoint = text("sqs.endpoint").map(e -> parse("sqs.endpoint", e, SettingsReader::httpUrl));
        Optional<String> accessKey = text("sqs.access-key");
        Optional<String> secretKey = text("sqs.secret-key");
        if (accessKey.isPresent() != secretKey.isPresent()) {
            problem(accessKey.isPresent() ? "sqs.secret-key" : "sqs.access-key",
                    "is needed too: give both static keys or neither (then the AWS default chain is used)");
        }
        Optional<SqsConnection.StaticCredentials> credentials = accessKey.isPresent() && secretKey.isPresent()
                ? Optional.of(new SqsConnection.StaticCredentials(accessKey.get(), secretKey.get()))
                : Optional.empty();
        return new SqsConnection(region.orElse(""), endpoint, credentials);
    }

    private MappingsChoice mappings() {
        Optional<Path> path = text("mappings.path").map(Path::of);
        if (path.isPresent() && !Files.exists(path.get())) {
            problem("mappings.path", "'" + path.get() + "' does not exist");
        }
        return new MappingsChoice(path, text("mappings.preset").orElse("codepipeline"));
    }

    private List<Realm> realms() {
        String list = text("realms").orElse(Realm.CONSOLE);
        Set<String> names = new LinkedHashSet<>();
        for (String raw : list.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!REALM_NAME.matcher(name).matches()) {
                problem("realms", "'" + name + "' is not a valid realm name (lower-case letters, digits and '-')");
            } else if (!names.add(name)) {
                problem("realms", "'" + name + "' is listed twice");
            }
        }
        if (names.isEmpty()) {
            problem("realms", "names no realm; use 'console' to print events on stdout");
        }
        IngestPolicy defaultPolicy = policy("ingest-policy", IngestPolicy.SANITIZE);
        RetryPolicy defaultRetry = retry("", RetryPolicy.DEFAULT);
        BatchPolicy defaultBatch = batch("", BatchPolicy.DEFAULT);
        List<Realm> realms = new ArrayList<>();
        for (String name : names) {
            String prefix = "realm." + name + ".";
            IngestPolicy policy = policy(prefix + "ingest-policy", defaultPolicy);
            BatchPolicy batch = batch(prefix, defaultBatch);
            realms.add(name.equals(Realm.CONSOLE) ? Realm.console(policy, batch)
                    : splunkRealm(name, policy, retry(prefix, defaultRetry), batch));
        }
        return realms;
    }

    private IngestPolicy policy(String key, IngestPolicy fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Optional<IngestPolicy> policy = IngestPolicy.fromSetting(value.get());
        if (policy.isEmpty()) {
            problem(key, "'" + value.get() + "' is not an ingest policy; use one of "
                    + String.join(", ", IngestPolicy.settingNames()));
        }
        return policy.orElse(fallback);
    }

    private RetryPolicy retry(String prefix, RetryPolicy fallback) {
        RetryPolicy retry = new RetryPolicy(
                integer(prefix + "retry.max-attempts", 1, 100, fallback.maxAttempts()),
                Duration.ofMillis(integer(prefix + "retry.initial-backoff-ms", 0, 3_600_000,
                        (int) fallback.initialBackoff().toMillis())),
                Duration.ofMillis(integer(prefix + "retry.max-backoff-ms", 0, 3_600_000,
                        (int) fallback.maxBackoff().toMillis())),
                Duration.ofMillis(integer(prefix + "retry.retry-after-cap-ms", 0, 3_600_000,
                        (int) fallback.retryAfterCap().toMillis())),
                Duration.ofMillis(integer(prefix + "retry.max-elapsed-ms", 0, 43_200_000,
                        (int) fallback.maxElapsed().toMillis())));
        if (retry.maxBackoff().compareTo(retry.initialBackoff()) < 0) {
            problem(prefix + "retry.max-backoff-ms", "is below " + PREFIX + prefix + "retry.initial-backoff-ms");
        }
        return retry;
    }

    private BatchPolicy batch(String prefix, BatchPolicy fallback) {
        return new BatchPolicy(
                integer(prefix + "batch.max-events", 1, 10_000, fallback.maxEvents()),
                integer(prefix + "batch.max-bytes", 1024, 64 * 1024 * 1024, fallback.maxBytes()),
                Duration.ofMillis(integer(prefix + "batch.linger-ms", 0, 60_000, (int) fallback.linger().toMillis())),
                integer(prefix + "batch.gzip-above-bytes", 0, Integer.MAX_VALUE, fallback.gzipAboveBytes()),
                integer(prefix + "queue-capacity", 1, 1_000_000, fallback.queueCapacity()),
                integer(prefix + "workers", 1, 64, fallback.workers()));
    }

    private Realm splunkRealm(String name, IngestPolicy policy, RetryPolicy retry, BatchPolicy batch) {
        String prefix = "realm." + name + ".";
        Optional<String> token = text(prefix + "token");
        if (token.isEmpty() && tokenRequired.test(name)) {
            problem(prefix + "token", "is missing: every realm but 'console' needs an org access token with"
                    + " Ingest scope");
        }
        String splunkRealm = text(prefix + "realm").orElse(name);
        if (!REALM_NAME.matcher(splunkRealm).matches()) {
            problem(prefix + "realm", "'" + splunkRealm + "' is not a Splunk realm name such as us1 or eu0");
            splunkRealm = "us0";
        }
        String urlRealm = splunkRealm;
        URI url = text(prefix + "url").map(u -> parse(prefix + "url", u, SettingsReader::httpUrl))
                .orElseGet(() -> Realm.defaultIngestUrl(urlRealm));
        return Realm.splunk(name, url, new IngestToken(token.orElse("")), policy, retry, batch);
    }

    /** The region the AWS SDK would choose: AWS_REGION, system property, profile, instance metadata. */
    private static Optional<String> awsDefaultRegion() {
        try {
            return Optional.of(new DefaultAwsRegionProviderChain().getRegion().id());
        } catch (SdkClientException e) {
            return Optional.empty();
        }
    }

    /**
     * A key in the config file that no setting reads is a typo until proven otherwise: reported with the nearest
     * known key, rather than silently ignored. Keys outside {@code pipeline-events.} are ours to judge too, except
     * Camel's own ({@code camel.}), which camel-main reads from the same file.
     */
    private void unknownKeys() {
        Set<String> known = new java.util.TreeSet<>(KNOWN_KEYS);
        Set<String> realmNames = new java.util.TreeSet<>();
        text("realms").ifPresent(list -> Arrays.stream(list.split(",")).map(String::trim).forEach(realmNames::add));
        for (String realm : realmNames) {
            for (String attribute : REALM_ATTRIBUTES) {
                known.add(PREFIX + "realm." + realm + "." + attribute);
            }
        }
        for (Object key : properties.loadProperties(k -> !k.startsWith(CAMEL_PREFIX)).keySet()) {
            String name = key.toString();
            if (known.contains(name)) {
                continue;
            }
            Matcher realmKey = REALM_KEY.matcher(name);
            if (realmKey.matches() && REALM_ATTRIBUTES.contains(realmKey.group(2))) {
                problems.add(name + " configures realm '" + realmKey.group(1) + "', which is not listed in "
                        + PREFIX + "realms");
            } else {
                problems.add(name + " is not a setting" + NearestName.hint(name, known));
            }
        }
    }

    /** Never echoes the value: a URL can carry a secret in its user information or query. */
    private static URI httpUrl(String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL: " + e.getReason() + " at character "
                    + (e.getIndex() + 1));
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("is not an http(s) URL with a host, such as"
                    + " https://ingest.us1.signalfx.com");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("must not carry user information");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not carry a query or fragment; the token goes in its own"
                    + " setting");
        }
        return uri;
    }

    private Optional<String> text(String key) {
        return properties.resolveProperty(PREFIX + key).map(String::trim).filter(v -> !v.isEmpty());
    }

    private int integer(String key, int min, int max, int fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number < min || number > max) {
                problem(key, "is " + number + "; it must be between " + min + " and " + max);
                return fallback;
            }
            return number;
        } catch (NumberFormatException e) {
            problem(key, value.get().matches("[+-]?\\d+") ? "is " + value.get() + "; it must be between " + min
                    + " and " + max : "'" + value.get() + "' is not a whole number");
            return fallback;
        }
    }

    private <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return null;
        }
    }

    private void problem(String key, String message) {
        problems.add(PREFIX + key + " (env " + environmentVariable(PREFIX + key) + ") " + message);
    }
}
