package dev.switchboard.executor.provider.openai;

import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.executor.provider.ChatProvider;
import dev.switchboard.executor.provider.ProviderCall;
import dev.switchboard.executor.provider.ProviderErrors;
import dev.switchboard.executor.provider.ProviderReply;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Adapter for OpenAI-compatible chat completions ({@code POST {base-url}/chat/completions}): OpenAI, Together,
 * Groq, vLLM and others that speak the same wire format.
 */
public final class OpenAiChatProvider implements ChatProvider {

    private final String name;
    private final URI endpoint;
    private final String apiKey;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final HttpClient client;

    /**
     * @param name           the provider name results carry ({@code openai}, {@code together}, ...)
     * @param baseUrl        the API base, e.g. {@code https://api.openai.com/v1}
     * @param apiKey         the bearer token, or {@code null} for servers that need none
     * @param requestTimeout time allowed for one whole call
     */
    public OpenAiChatProvider(String name, String baseUrl, String apiKey, Duration connectTimeout,
                              Duration requestTimeout) {
        this.name = name;
        this.endpoint = URI.create(stripTrailingSlash(baseUrl) + "/chat/completions");
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletionStage<ProviderReply> complete(ProviderCall call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(OpenAiWire.requestBody(call.body(), call.model())));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> failure == null ? reply(response) : failed(failure));
    }

    private ProviderReply reply(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return OpenAiWire.success(name, response.body());
        }
        return OpenAiWire.failure(name, status, response.body(), apiKey);
    }

    private ProviderReply failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return ProviderReply.failed(ErrorInfo.TIMEOUT, name + ": no connection to " + endpoint.getHost()
                    + " within " + connectTimeout.toMillis() + " ms", null);
        }
        if (cause instanceof HttpTimeoutException) {
            return ProviderReply.failed(ErrorInfo.TIMEOUT, name + " did not answer within "
                    + requestTimeout.toMillis() + " ms (" + endpoint.getHost() + ")", null);
        }
        String what = cause instanceof ConnectException ? "cannot connect to " : cause instanceof IOException
                ? "I/O error talking to " : "call failed for ";
        return ProviderReply.failed(ErrorInfo.PROVIDER_ERROR, ProviderErrors.scrub(name + ": " + what
                + endpoint.getHost() + ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage()), apiKey), null);
    }

    private static String stripTrailingSlash(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    @Override
    public String toString() {
        return "OpenAiChatProvider[" + name + " " + endpoint + "]";
    }
}
