package dev.switchboard.executor.provider.http;

import dev.switchboard.executor.provider.ApiKeys;

import java.time.Duration;
import java.util.Map;

/**
 * Where and how an adapter calls its provider: URL parts, extra headers, keys and timeouts.
 *
 * @param path       the path under {@code baseUrl}, {@code {model}} standing for the provider's model name;
 *                   {@code null} for the wire format's default
 * @param authHeader the header carrying the key ({@code Authorization} gets a Bearer prefix); {@code null} for
 *                   the wire format's default
 * @param headers    extra headers, after the wire format's own
 * @param query      query parameters of every call (Azure's {@code api-version})
 */
public record HttpSettings(String baseUrl, String path, String authHeader, Map<String, String> headers,
                           Map<String, String> query, ApiKeys keys, Duration connectTimeout, Duration requestTimeout) {

    public HttpSettings {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("a base URL is required");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        query = query == null ? Map.of() : Map.copyOf(query);
        keys = keys == null ? ApiKeys.none() : keys;
    }

    /** The wire format's path, auth header and headers, with these keys and timeouts. */
    public static HttpSettings of(String baseUrl, ApiKeys keys, Duration connectTimeout, Duration requestTimeout) {
        return new HttpSettings(baseUrl, null, null, Map.of(), Map.of(), keys, connectTimeout, requestTimeout);
    }

    /** Header names only: an operator may put a secret in a header value. */
    @Override
    public String toString() {
        return "HttpSettings[" + baseUrl + (path == null ? "" : " path=" + path) + ", headers=" + headers.keySet()
                + ", query=" + query.keySet() + ", " + keys + "]";
    }
}
