package dev.switchboard.executor.provider.http;

import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.executor.provider.ApiKeys;
import dev.switchboard.executor.provider.ChatProvider;
import dev.switchboard.executor.provider.ProviderCall;
import dev.switchboard.executor.provider.ProviderErrors;
import dev.switchboard.executor.provider.ProviderReply;

import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The HTTP half every live adapter shares: one POST per call with the pool's current key, the reply read by the
 * provider's {@link ProviderWire}, every failure a stable code, and no key in any message.
 */
public class HttpChatProvider implements ChatProvider {

    private static final int MAX_MESSAGE_CHARS = 500;
    // Operator headers whose values are credentials too (Azure's api-key, a gateway's X-Auth-Token, ...).
    private static final Pattern SECRET_HEADER = Pattern.compile("(?i).*(key|auth|token|secret|cookie).*");

    private final String name;
    private final ProviderWire wire;
    private final HttpSettings settings;
    private final String baseUrl;
    private final String path;
    private final String authHeader;
    private final Map<String, String> headers;
    private final List<String> headerSecrets = new ArrayList<>();
    private final HttpClient client;
    private final Clock clock;

    public HttpChatProvider(String name, ProviderWire wire, HttpSettings settings, Clock clock) {
        this.name = name;
        this.wire = wire;
        this.settings = settings;
        this.clock = clock;
        this.baseUrl = stripTrailingSlash(settings.baseUrl());
        String configuredPath = settings.path() == null || settings.path().isBlank() ? wire.defaultPath()
                : settings.path().strip();
        this.path = configuredPath.startsWith("/") ? configuredPath : "/" + configuredPath;
        this.authHeader = settings.authHeader() == null || settings.authHeader().isBlank() ? wire.defaultAuthHeader()
                : settings.authHeader().strip();
        this.headers = new LinkedHashMap<>(wire.fixedHeaders());
        settings.headers().forEach((header, value) -> {
            headers.put(header, value);
            if (SECRET_HEADER.matcher(header).matches()) {
                headerSecrets.add(value);
            }
        });
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        // Fails at startup, not on the first call, when an operator header is one the JDK client refuses.
        withHeaders(HttpRequest.newBuilder(URI.create(baseUrl)), null);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletionStage<ProviderReply> complete(ProviderCall call) {
        String key = settings.keys().current();
        HttpRequest request;
        try {
            request = withHeaders(HttpRequest.newBuilder(uri(call.model())), key)
                    .timeout(settings.requestTimeout())
                    .POST(HttpRequest.BodyPublishers.ofString(wire.requestBody(call), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException unsayable) {
            return CompletableFuture.completedFuture(ProviderReply.failed(ErrorInfo.INVALID_REQUEST,
                    scrub(name + " cannot take this request: " + unsayable.getMessage()), null));
        }
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        CompletableFuture<ProviderReply> reply = exchange.handle((response, failure) -> failure == null
                ? reply(call, key, response) : failed(failure));
        // A caller that gives up (the request's deadline) cancels the reply; that must abort the HTTP exchange too.
        reply.whenComplete((done, failure) -> {
            if (failure instanceof CancellationException) {
                exchange.cancel(true);
            }
        });
        return reply;
    }

    /** The URL of a call: base, path with the provider's model name, operator query parameters. */
    URI uri(ModelSpec model) {
        String encodedModel = URLEncoder.encode(model.providerModel(), StandardCharsets.UTF_8)
                .replace("+", "%20").replace("%2F", "/").replace("%3A", ":");
        String query = settings.query().entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(baseUrl + path.replace("{model}", encodedModel) + (query.isEmpty() ? "" : "?" + query));
    }

    private HttpRequest.Builder withHeaders(HttpRequest.Builder request, String key) {
        request.header("Content-Type", "application/json").header("Accept", "application/json");
        headers.forEach(request::setHeader);
        if (key != null) {
            request.setHeader(authHeader, authHeader.equalsIgnoreCase("Authorization") ? "Bearer " + key : key);
        }
        return request;
    }

    private ProviderReply reply(ProviderCall call, String key, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return wire.success(response.body(), call);
            } catch (IllegalArgumentException unreadable) {
                return ProviderReply.failed(ProviderErrors.MALFORMED_RESPONSE, scrub(name + " returned an unreadable "
                        + "reply (HTTP " + status + "): " + abbreviate(unreadable.getMessage())), status);
            }
        }
        if (status == 401 || status == 403 || status == 429) {
            settings.keys().rotateFrom(key);
        }
        WireError error = wire.error(status, response.body());
        Duration retryAfter = Optional.ofNullable(RetryAfter.fromHeaders(response.headers(), clock))
                .orElse(error.retryAfter());
        return ProviderReply.failed(error.code(), scrub(errorMessage(status, error, response)), status, retryAfter);
    }

    private String errorMessage(int status, WireError error, HttpResponse<String> response) {
        StringBuilder message = new StringBuilder(name).append(" returned HTTP ").append(status);
        if (error.message() != null && !error.message().isBlank()) {
            message.append(": ").append(abbreviate(error.message()));
        }
        if (error.detail() != null && !error.detail().isBlank()) {
            message.append(" (").append(error.detail()).append(')');
        }
        String requestIdHeader = wire.requestIdHeader();
        if (requestIdHeader != null) {
            response.headers().firstValue(requestIdHeader)
                    .ifPresent(id -> message.append(" [request id ").append(abbreviate(id)).append(']'));
        }
        return message.toString();
    }

    private ProviderReply failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String host = URI.create(baseUrl).getHost();
        if (cause instanceof HttpConnectTimeoutException) {
            return ProviderReply.failed(ErrorInfo.TIMEOUT, name + ": no connection to " + host + " within "
                    + settings.connectTimeout().toMillis() + " ms", null);
        }
        if (cause instanceof HttpTimeoutException) {
            return ProviderReply.failed(ErrorInfo.TIMEOUT, name + " did not answer within "
                    + settings.requestTimeout().toMillis() + " ms (" + host + ")", null);
        }
        String what = cause instanceof ConnectException ? "cannot connect to " : "connection failed talking to ";
        String code = cause instanceof java.io.IOException ? ProviderErrors.CONNECTION_ERROR : ErrorInfo.PROVIDER_ERROR;
        return ProviderReply.failed(code, scrub(name + ": " + what + host + ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + abbreviate(cause.getMessage()))), null);
    }

    private String scrub(String text) {
        return ProviderErrors.scrub(settings.keys().scrub(text), headerSecrets);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_MESSAGE_CHARS ? oneLine : oneLine.substring(0, MAX_MESSAGE_CHARS) + "…";
    }

    private static String stripTrailingSlash(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** Name, wire format, endpoint and how many keys; never a key or a header value. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + " " + wire.kind() + " " + baseUrl + path + ", "
                + settings.keys() + (headers.isEmpty() ? "" : ", headers " + headers.keySet()) + "]";
    }
}
