package dev.switchboard.executor.provider.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.TokenUsage;
import dev.switchboard.executor.provider.ProviderCall;
import dev.switchboard.executor.provider.ProviderReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same error matrix against every adapter: each provider's documented error bodies and headers, and the
 * transport failures, end as the same stable code, retry decision and provider message, with no key in sight.
 */
class ProviderErrorMatrixTest {

    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private static WireMockServer server;
    private static final Map<String, HttpChatProvider> PROVIDERS = new HashMap<>();

    /** One row of the matrix; {@code reply} is the dialect's error key, or null for a transport case. */
    record Case(String name, String reply, String code, boolean retryable, Duration retryAfter) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> matrix() {
        List<Case> cases = List.of(
                new Case("400 invalid request", "invalid_request", "invalid_request", false, null),
                new Case("401 unauthorized", "auth", "auth_error", false, null),
                new Case("404 model not found", "model_not_found", "model_not_found", false, null),
                new Case("400 context length exceeded", "context_length", "context_length_exceeded", false, null),
                new Case("429 with retry-after", "rate_limited", "rate_limited", true, Duration.ofSeconds(7)),
                new Case("500 server error", "server_error", "provider_error", true, null),
                new Case("503 unavailable", "unavailable", "overloaded", true, null),
                new Case("529 overloaded", "overloaded_529", "overloaded", true, null),
                new Case("400 API key invalid", "api_key_invalid", "auth_error", false, null),
                new Case("200 truncated JSON", null, "malformed_response", true, null),
                new Case("200 malformed JSON", null, "malformed_response", true, null),
                new Case("connection reset", null, "connection_error", true, null),
                new Case("slower than the timeout", null, "timeout", true, null));
        List<Arguments> rows = new ArrayList<>();
        for (Dialect dialect : Dialect.all()) {
            cases.stream().filter(c -> c.reply() == null || dialect.errors().containsKey(c.reply()))
                    .forEach(c -> rows.add(Arguments.of(dialect, c)));
        }
        return rows.stream();
    }

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        Dialect.all().forEach(d -> PROVIDERS.put(d.name(), d.provider(server.baseUrl(), TIMEOUT)));
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("matrix")
    void mapsEveryFailureToAStableCodeTheProvidersMessageAndNoKey(Dialect dialect, Case row) {
        Dialect.Reply error = row.reply() == null ? null : dialect.errors().get(row.reply());
        server.stubFor(post(urlPathEqualTo(dialect.path())).willReturn(response(dialect, row, error)));

        ProviderReply reply = call(dialect);

        assertThat(reply.isOk()).as("ok").isFalse();
        assertThat(reply.error().code()).isEqualTo(row.code());
        assertThat(reply.retryable()).as("retryable").isEqualTo(row.retryable());
        assertThat(reply.usage()).isEqualTo(TokenUsage.ZERO);
        assertThat(reply.toString()).doesNotContain(dialect.key()).doesNotContain("SECRET");
        if (error != null) {
            assertThat(reply.httpStatus()).isEqualTo(error.status());
            assertThat(reply.error().message()).contains(" returned HTTP " + error.status() + ": ")
                    .contains(providerWords(error.body()));
        } else {
            assertThat(reply.error().message()).startsWith(PROVIDERS.get(dialect.name()).name());
        }
        if (row.retryAfter() != null) {
            assertThat(reply.retryAfter()).isEqualTo(row.retryAfter());
        }
    }

    private static ResponseDefinitionBuilder response(Dialect dialect, Case row, Dialect.Reply error) {
        if (error != null) {
            ResponseDefinitionBuilder response = aResponse().withStatus(error.status())
                    .withHeader("Content-Type", "application/json").withBody(error.body());
            error.headers().forEach(response::withHeader);
            return response;
        }
        return switch (row.name()) {
            case "200 truncated JSON" -> json(dialect.successBody().substring(0, dialect.successBody().length() / 2));
            case "200 malformed JSON" -> aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                    .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>");
            case "connection reset" -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            default -> json(dialect.successBody()).withFixedDelay((int) TIMEOUT.toMillis() * 2);
        };
    }

    /** The first words of the provider's own message, as they must reach the result. */
    private static String providerWords(String body) {
        String message = body.replaceAll("(?s).*\"message\"\\s*:\\s*\"", "");
        return message.substring(0, Math.min(16, message.indexOf('"') < 0 ? 16 : message.indexOf('"')))
                .replace("\\", "");
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ProviderReply call(Dialect dialect) {
        ChatRequest body = new ChatRequest(List.of(ChatMessage.of("user", "What is the capital of France?")), 64,
                null, null, null);
        try {
            return PROVIDERS.get(dialect.name())
                    .complete(new ProviderCall("req-1", 1, CATALOG.require(dialect.model()), body))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the adapter must complete normally", e);
        }
    }
}
