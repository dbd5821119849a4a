package dev.switchboard.executor.provider.openai;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.TokenUsage;
import dev.switchboard.executor.provider.ApiKeys;
import dev.switchboard.executor.provider.ProviderCall;
import dev.switchboard.executor.provider.ProviderReply;
import dev.switchboard.executor.provider.http.HttpSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAI-compatible adapter against a real HTTP server answering in OpenAI's wire format. */
class OpenAiChatProviderTest {

    private static final String API_KEY = "sk-test-4f9c2a7e1b3d5f60a8c9e0d1";
    private static final String PATH = "/v1/chat/completions";
    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();

    private static WireMockServer server;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    @Test
    void parsesTextFinishReasonAndUsageIncludingCachedTokens() {
        server.stubFor(post(PATH).willReturn(json(200, """
                {
                  "id": "chatcmpl-BQ8bN3kZ1x",
                  "object": "chat.completion",
                  "created": 1745920000,
                  "model": "gpt-4.1-mini-2025-04-14",
                  "choices": [{
                    "index": 0,
                    "message": {"role": "assistant", "content": "Paris is the capital of France.",
                                "refusal": null, "annotations": []},
                    "logprobs": null,
                    "finish_reason": "stop"
                  }],
                  "usage": {
                    "prompt_tokens": 1530,
                    "completion_tokens": 8,
                    "total_tokens": 1538,
                    "prompt_tokens_details": {"cached_tokens": 1280, "audio_tokens": 0},
                    "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                      "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}
                  },
                  "service_tier": "default",
                  "system_fingerprint": "fp_6f2eabb9a5"
                }""")));

        ProviderReply reply = call(provider(Duration.ofSeconds(5)), "gpt-4.1-mini");

        assertThat(reply.isOk()).isTrue();
        assertThat(reply.response().firstText()).isEqualTo("Paris is the capital of France.");
        assertThat(reply.response().choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(reply.usage()).isEqualTo(new TokenUsage(1530, 1280, 8));
        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1-mini")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("64")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("What is the capital of France?"))));
    }

    @Test
    void sendsMaxCompletionTokensToReasoningModels() {
        server.stubFor(post(PATH).willReturn(json(200, """
                {"id":"chatcmpl-1","object":"chat.completion","created":1745920000,"model":"o3-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"4"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":20,"completion_tokens":70,"total_tokens":90}}""")));

        ProviderReply reply = call(provider(Duration.ofSeconds(5)), "o3-mini");

        assertThat(reply.usage()).isEqualTo(new TokenUsage(20, 0, 70));
        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.max_completion_tokens", equalTo("64")))
                .withRequestBody(matchingJsonPath("$.max_tokens", absent()))
                .withRequestBody(matchingJsonPath("$.temperature", absent())));
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "401 | auth_error     | invalid_request_error | invalid_api_key     | Incorrect API key provided: " + API_KEY + ". You can find your API key at https://platform.openai.com/account/api-keys.",
            "429 | rate_limited   | tokens                | rate_limit_exceeded | Rate limit reached for gpt-4.1-mini in organization org-abc on tokens per min (TPM): Limit 200000, Used 199000, Requested 1600. Please try again in 180ms.",
            "500 | provider_error | server_error          |                     | The server had an error while processing your request. Sorry about that!",
            "404 | model_not_found| invalid_request_error | model_not_found     | The model `gpt-4.1-mini` does not exist or you do not have access to it.",
            "429 | quota_exceeded | insufficient_quota    | insufficient_quota  | You exceeded your current quota, please check your plan and billing details.",
            "400 | invalid_request| invalid_request_error | invalid_value       | Invalid value for 'temperature': expected a number between 0 and 2.",
            "400 | context_length_exceeded | invalid_request_error | context_length_exceeded | Input exceeds the maximum context length of 1047576 tokens."
    })
    void mapsErrorBodiesToStableCodesWithTheProvidersMessageAndNoKey(int status, String code, String type,
                                                                    String providerCode, String message) {
        String errorCode = providerCode == null ? "null" : "\"" + providerCode + "\"";
        server.stubFor(post(PATH).willReturn(json(status, """
                {"error": {"message": "%s", "type": "%s", "param": null, "code": %s}}"""
                .formatted(message, type, errorCode))
                .withHeader("x-request-id", "req_7b1e0c")
                .withHeader("retry-after", "1")));

        ProviderReply reply = call(provider(Duration.ofSeconds(5)), "gpt-4.1-mini");

        assertThat(reply.isOk()).isFalse();
        assertThat(reply.httpStatus()).isEqualTo(status);
        assertThat(reply.error().code()).isEqualTo(code);
        String firstWords = message.substring(0, message.indexOf(' ', 12));
        assertThat(reply.error().message()).contains("openai returned HTTP " + status, firstWords, "type=" + type);
        assertThat(reply.toString()).doesNotContain(API_KEY).doesNotContain("4f9c2a7e");
        assertThat(reply.usage()).isEqualTo(TokenUsage.ZERO);
    }

    @Test
    void reportsTimeoutWhenTheReplyIsSlowerThanTheRequestTimeout() {
        server.stubFor(post(PATH).willReturn(json(200, "{}").withFixedDelay(3_000)));

        ProviderReply reply = call(provider(Duration.ofMillis(300)), "gpt-4.1-mini");

        assertThat(reply.error().code()).isEqualTo("timeout");
        assertThat(reply.error().message()).contains("within 300 ms");
        assertThat(reply.retryable()).isTrue();
    }

    @Test
    void speaksAzureOpenAiThroughPathQueryAndAuthHeader() {
        String path = "/openai/deployments/gpt-4.1-mini-prod/chat/completions";
        server.stubFor(post(urlPathEqualTo(path)).willReturn(json(200, """
                {"id":"chatcmpl-1","object":"chat.completion","created":1745920000,"model":"gpt-4.1-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Paris."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":14,"completion_tokens":2,"total_tokens":16,
                          "prompt_tokens_details":{"cached_tokens":0}}}""")));
        HttpSettings azure = new HttpSettings(server.baseUrl(), "/openai/deployments/{model}/chat/completions",
                "api-key", Map.of("x-ms-client-request-id", "switchboard"), Map.of("api-version", "2024-10-21"),
                ApiKeys.of(List.of(API_KEY)), Duration.ofSeconds(2), Duration.ofSeconds(5));
        ModelSpec deployment = new ModelSpec("gpt-4.1-mini", "azure", "o200k_base",
                CATALOG.require("gpt-4.1-mini").pricing(), 1_047_576, 32_768, Set.of(), 500, 100, 0.7, "test",
                "gpt-4.1-mini-prod");

        ProviderReply reply = complete(new OpenAiChatProvider("azure", azure, Clock.systemUTC()), deployment);

        assertThat(reply.usage()).isEqualTo(new TokenUsage(14, 0, 2));
        server.verify(postRequestedFor(urlEqualTo(path + "?api-version=2024-10-21"))
                .withHeader("api-key", equalTo(API_KEY))
                .withHeader("Authorization", absent())
                .withHeader("x-ms-client-request-id", equalTo("switchboard")));
    }

    @Test
    void takesTheWaitFromOpenAisRateLimitResetWhenThereIsNoRetryAfter() {
        server.stubFor(post(PATH).willReturn(json(429, """
                {"error":{"message":"Rate limit reached for gpt-4.1-mini on tokens per min (TPM): Limit 200000.",
                 "type":"tokens","param":null,"code":"rate_limit_exceeded"}}""")
                .withHeader("x-ratelimit-remaining-requests", "499")
                .withHeader("x-ratelimit-reset-requests", "120ms")
                .withHeader("x-ratelimit-remaining-tokens", "0")
                .withHeader("x-ratelimit-reset-tokens", "6m0.5s")));

        ProviderReply reply = call(provider(Duration.ofSeconds(5)), "gpt-4.1-mini");

        assertThat(reply.error().code()).isEqualTo("rate_limited");
        assertThat(reply.retryAfter()).isEqualTo(Duration.ofMillis(360_500));
    }

    @Test
    void movesToTheNextKeyAfterA429AndSticksToIt() {
        String first = "sk-test-FIRSTKEY0000000000";
        String second = "sk-test-SECONDKEY111111111";
        server.stubFor(post(PATH).withHeader("Authorization", equalTo("Bearer " + first)).willReturn(json(429, """
                {"error":{"message":"Rate limit reached for requests","type":"requests","param":null,
                 "code":"rate_limit_exceeded"}}""").withHeader("retry-after", "20")));
        server.stubFor(post(PATH).withHeader("Authorization", equalTo("Bearer " + second)).willReturn(json(200, """
                {"id":"chatcmpl-1","object":"chat.completion","created":1745920000,"model":"gpt-4.1-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Paris."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":14,"completion_tokens":2,"total_tokens":16}}""")));
        ApiKeys keys = ApiKeys.of(List.of(first, second));
        OpenAiChatProvider provider = new OpenAiChatProvider("openai", HttpSettings.of(server.baseUrl() + "/v1",
                keys, Duration.ofSeconds(2), Duration.ofSeconds(5)), Clock.systemUTC());

        ProviderReply limited = call(provider, "gpt-4.1-mini");
        ProviderReply retried = call(provider, "gpt-4.1-mini");
        ProviderReply next = call(provider, "gpt-4.1-mini");

        assertThat(limited.error().code()).isEqualTo("rate_limited");
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(retried.isOk()).isTrue();
        assertThat(next.isOk()).isTrue();
        assertThat(keys.current()).isEqualTo(second);
        server.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + first)));
        server.verify(2, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + second)));
        assertThat(provider.toString()).contains("2 keys").doesNotContain("FIRSTKEY").doesNotContain("SECONDKEY");
    }

    @Test
    void readsDeepSeeksCacheHitsAsCachedTokens() {
        server.stubFor(post(PATH).willReturn(json(200, """
                {"id":"930c60df-bf64-41c9-a88e-3ec75f81e00e","object":"chat.completion","created":1745920000,
                 "model":"deepseek-chat","choices":[{"index":0,"message":{"role":"assistant","content":"Paris."},
                 "logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":1600,"completion_tokens":3,"total_tokens":1603,
                          "prompt_cache_hit_tokens":1536,"prompt_cache_miss_tokens":64},
                 "system_fingerprint":"fp_8802369eaa_prod0425fp8"}""")));

        ProviderReply reply = call(provider(Duration.ofSeconds(5)), "gpt-4.1-mini");

        assertThat(reply.usage()).isEqualTo(new TokenUsage(1600, 1536, 3));
        assertThat(reply.response().usage().promptTokensDetails().cachedTokens()).isEqualTo(1536);
    }

    @Test
    void readsVllmsFlatErrorBodyAndItsContextLengthMessage() {
        server.stubFor(post(PATH).willReturn(json(400, """
                {"object":"error","message":"This model's maximum context length is 8192 tokens. However, you \
                requested 8203 tokens (7691 in the messages, 512 in the completion). Please reduce the length of \
                the messages or completion.","type":"BadRequestError","param":null,"code":400}""")));

        ProviderReply reply = call(provider(Duration.ofSeconds(5)), "gpt-4.1-mini");

        assertThat(reply.error().code()).isEqualTo("context_length_exceeded");
        assertThat(reply.retryable()).isFalse();
        assertThat(reply.error().message()).contains("maximum context length is 8192 tokens", "type=BadRequestError")
                .doesNotContain("code=400");
    }

    @Test
    void readsAnUnreadableSuccessAsARetryableMalformedResponse() {
        server.stubFor(post(PATH).willReturn(json(200, "{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"mess")));

        ProviderReply reply = call(provider(Duration.ofSeconds(5)), "gpt-4.1-mini");

        assertThat(reply.error().code()).isEqualTo("malformed_response");
        assertThat(reply.retryable()).isTrue();
    }

    private static OpenAiChatProvider provider(Duration requestTimeout) {
        return new OpenAiChatProvider("openai", server.baseUrl() + "/v1/", API_KEY, Duration.ofSeconds(2),
                requestTimeout);
    }

    private static ProviderReply call(OpenAiChatProvider provider, String modelId) {
        return complete(provider, CATALOG.require(modelId));
    }

    private static ProviderReply complete(OpenAiChatProvider provider, ModelSpec model) {
        ChatRequest body = new ChatRequest(List.of(ChatMessage.of("user", "What is the capital of France?")), 64,
                0.2, null, null);
        try {
            return provider.complete(new ProviderCall("req-1", 1, model, body)).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the adapter must complete normally", e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
