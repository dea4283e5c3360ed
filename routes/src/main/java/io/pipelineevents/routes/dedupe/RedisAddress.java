package io.pipelineevents.routes.dedupe;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A standalone Redis server as given by a URL {@code redis://[[username]:password@]host[:port][/database]}, or
 * {@code rediss://…} for TLS. As with other Redis clients, user info without a colon is the password.
 *
 * <p>The password is a secret: {@link #toString()} masks it, and no error message built here repeats the URL it
 * was parsed from.
 */
public record RedisAddress(String host, int port, int database, boolean tls, Optional<String> username,
        Optional<String> password) {

    public static final int DEFAULT_PORT = 6379;
    private static final String FORMAT = "redis://[[username]:password@]host[:port][/database] or rediss://… for TLS";

    public RedisAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("has no host; it must be " + FORMAT);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("has port " + port + "; it must be between 1 and 65535");
        }
        if (database < 0) {
            throw new IllegalArgumentException("has database " + database + "; it must be 0 or more");
        }
    }

    /** Parses a configured URL; the message of the {@link IllegalArgumentException} never contains the URL. */
    public static RedisAddress fromConfig(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            // e.getMessage() would quote the input, password included.
            throw new IllegalArgumentException("is not a URL (" + e.getReason() + " at index " + e.getIndex()
                    + "); it must be " + FORMAT);
        }
        return of(uri);
    }

    public static RedisAddress of(URI uri) {
        String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("must be " + FORMAT);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("has a query or fragment; it must be " + FORMAT);
        }
        if (uri.getHost() == null && uri.getRawAuthority() != null) {
            // java.net.URI gives no host when the port is not a number: say so rather than "no host".
            throw new IllegalArgumentException("has no valid host[:port] (is the port a number?); it must be "
                    + FORMAT);
        }
        // IPv6 hosts come bracketed from URI; the client wants the bare address.
        String host = Optional.ofNullable(uri.getHost()).map(h -> h.replaceAll("^\\[(.*)]$", "$1")).orElse(null);
        return new RedisAddress(host, uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort(), database(uri.getRawPath()),
                scheme.equals("rediss"), username(uri.getRawUserInfo()), password(uri.getRawUserInfo()));
    }

    private static int database(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        String number = path.substring(1);
        if (!number.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("has path " + path + "; it must be empty or /<database number>");
        }
        return Integer.parseInt(number);
    }

    private static Optional<String> username(String userInfo) {
        if (userInfo == null || userInfo.indexOf(':') <= 0) {
            return Optional.empty();
        }
        return Optional.of(decode(userInfo.substring(0, userInfo.indexOf(':'))));
    }

    private static Optional<String> password(String userInfo) {
        if (userInfo == null) {
            return Optional.empty();
        }
        String password = decode(userInfo.substring(userInfo.indexOf(':') + 1));
        return password.isEmpty() ? Optional.empty() : Optional.of(password);
    }

    private static String decode(String raw) {
        try {
            // A '+' in user info is a plus, not a space.
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // URLDecoder's message quotes the text, which may be the password.
            throw new IllegalArgumentException("has a bad %-escape in its user info; it must be " + FORMAT);
        }
    }

    /** {@code host:port}, for messages about this server. */
    public String hostAndPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The URL with the password masked. */
    @Override
    public String toString() {
        String userInfo = password.isPresent() ? username.orElse("") + ":****@"
                : username.map(user -> user + "@").orElse("");
        return (tls ? "rediss" : "redis") + "://" + userInfo + hostAndPort() + "/" + database;
    }
}
