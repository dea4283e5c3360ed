package io.pipelineevents.routes.dedupe;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLParameters;
import org.apache.camel.component.redis.processor.idempotent.SpringRedisStringIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Keys in Redis, shared by every instance that uses the same server and key prefix, so a duplicate that reaches
 * another instance is skipped too. Each realm gets Camel's {@link SpringRedisStringIdempotentRepository}: one
 * string key per delivery key, {@code <prefix><realm>:<delivery key>}, written with {@code SET … NX EX <ttl>}, so
 * Redis forgets it by itself; {@code contains} is a {@code GET}.
 */
final class RedisDedupe implements DedupeRepositories {
    /** Fails a command, and start-up, fast when Redis is away, instead of holding a consumer. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Each call holds a connection for one round trip; more consumers than this wait their turn, up to TIMEOUT. */
    private static final int MAX_CONNECTIONS = 16;

    private final JedisConnectionFactory connections;
    private final StringRedisTemplate redis;
    private final long ttlSeconds;
    private final String keyPrefix;
    private final Map<String, SpringRedisStringIdempotentRepository> byRealm = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private RedisDedupe(JedisConnectionFactory connections, Duration ttl, String keyPrefix) {
        this.connections = connections;
        this.redis = new StringRedisTemplate(connections);
        // The repository writes no expiry at all unless it is at least one second.
        this.ttlSeconds = Math.max(1, (ttl.toMillis() + 999) / 1000);
        this.keyPrefix = keyPrefix;
    }

    /** Connects and sends a PING; closes again and throws if Redis does not answer. */
    static RedisDedupe open(RedisAddress address, Duration ttl, String keyPrefix) {
        JedisConnectionFactory connections = new JedisConnectionFactory(server(address), client(address));
        // Outside a Spring context nobody calls these for us: the first builds the client and the pool (and starts,
        // as early start-up is on by default), the second makes sure it is started.
        connections.afterPropertiesSet();
        connections.start();
        try (RedisConnection connection = connections.getConnection()) {
            connection.ping();
        } catch (RuntimeException e) {
            connections.destroy();
            throw new DedupeStoreUnavailableException("dedupe store Redis at " + address.hostAndPort()
                    + " (pipeline-events.dedupe.redis-url) cannot be used: " + reason(e, address), e);
        }
        return new RedisDedupe(connections, ttl, keyPrefix);
    }

    private static RedisStandaloneConfiguration server(RedisAddress address) {
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(address.host(), address.port());
        server.setDatabase(address.database());
        address.username().ifPresent(server::setUsername);
        address.password().ifPresent(password -> server.setPassword(RedisPassword.of(password)));
        return server;
    }

    private static JedisClientConfiguration client(RedisAddress address) {
        GenericObjectPoolConfig<?> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxWait(TIMEOUT);
        JedisClientConfiguration.JedisClientConfigurationBuilder client = JedisClientConfiguration.builder()
                .clientName("pipeline-events-dedupe")
                .connectTimeout(TIMEOUT)
                .readTimeout(TIMEOUT)
                .usePooling().poolConfig(pool).and();
        if (address.tls()) {
            // Jedis checks the certificate's chain but not its host name unless told to.
            SSLParameters verifyHostName = new SSLParameters();
            verifyHostName.setEndpointIdentificationAlgorithm("HTTPS");
            client.useSsl().sslParameters(verifyHostName);
        }
        return client.build();
    }

    /** The innermost message, on one line, with the password masked should a driver ever repeat it. */
    private static String reason(Throwable e, RedisAddress address) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String reason = address.password().map(password -> message.replace(password, "****")).orElse(message);
        return reason.replaceAll("\\s+", " ").trim();
    }

    @Override
    public IdempotentRepository forRealm(String realm) {
        if (closed.get()) {
            throw new IllegalStateException("the Redis dedupe store is closed");
        }
        // A ':' in a realm name could make one realm's keys another's: "a" + ":b:k" = "a:b" + ":k".
        if (realm.isEmpty() || realm.contains(":")) {
            throw new IllegalArgumentException("'" + realm + "' cannot name a realm's keys: it is empty or has a ':'");
        }
        return byRealm.computeIfAbsent(realm, name -> {
            // The repository joins its name and the key with ':'.
            SpringRedisStringIdempotentRepository keys = new SpringRedisStringIdempotentRepository(redis,
                    keyPrefix + name);
            keys.setExpiry(ttlSeconds);
            return keys;
        });
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            connections.destroy();
        }
    }
}
