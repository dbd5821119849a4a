package dev.switchboard.executor.provider.gemini;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.ChatResponse;
import dev.switchboard.core.event.TokenUsage;
import dev.switchboard.core.json.Json;
import dev.switchboard.executor.provider.ApiKeys;
import dev.switchboard.executor.provider.ProviderCall;
import dev.switchboard.executor.provider.ProviderReply;
import dev.switchboard.executor.provider.http.HttpSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The Gemini generateContent adapter against a real HTTP server answering in Gemini's wire format. */
class GeminiChatProviderTest {

    private static final String KEY = "AIzaSyD-TESTKEY-4f9c2a7e1b3d5f60a8c9e0d";
    private static final String PATH = "/v1beta/models/gemini-2.5-flash:generateContent";
    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();

    private static WireMockServer server;
    private static GeminiChatProvider provider;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        provider = new GeminiChatProvider("google", HttpSettings.of(server.baseUrl(), ApiKeys.of(List.of(KEY)),
                Duration.ofSeconds(2), Duration.ofSeconds(5)), Clock.systemUTC());
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
    void sendsContentsSystemInstructionAndConfigAndReadsUsageWithCachedAndThoughtTokens() {
        server.stubFor(post(PATH).willReturn(json("""
                {"candidates":[{"content":{"parts":[{"text":"{\\"capital\\": \\"Paris\\"}"}],"role":"model"},
                  "finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":2100,"candidatesTokenCount":12,"totalTokenCount":2452,
                  "cachedContentTokenCount":2048,"thoughtsTokenCount":340,
                  "promptTokensDetails":[{"modality":"TEXT","tokenCount":2100}],
                  "cacheTokensDetails":[{"modality":"TEXT","tokenCount":2048}]},
                 "modelVersion":"gemini-2.5-flash","responseId":"mN0aaK7dLpeRz7IPxO2C8Qk"}""")));
        ChatRequest body = new ChatRequest(List.of(ChatMessage.of("system", "Answer in JSON."),
                ChatMessage.of("user", "Capital of France?"), ChatMessage.of("assistant", "Which format?"),
                ChatMessage.of("user", "JSON, please.")), 500, 0.3, Json.tree("{\"type\":\"json_object\"}"), null);

        ProviderReply reply = call(body);

        assertThat(reply.isOk()).isTrue();
        assertThat(reply.usage()).isEqualTo(new TokenUsage(2100, 2048, 12 + 340));
        ChatResponse response = reply.response();
        assertThat(response.firstText()).isEqualTo("{\"capital\": \"Paris\"}");
        assertThat(response.choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(response.id()).isEqualTo("mN0aaK7dLpeRz7IPxO2C8Qk");
        assertThat(response.usage().promptTokensDetails().cachedTokens()).isEqualTo(2048);
        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("x-goog-api-key", equalTo(KEY))
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson("""
                        {"systemInstruction":{"parts":[{"text":"Answer in JSON."}]},
                         "contents":[{"role":"user","parts":[{"text":"Capital of France?"}]},
                                     {"role":"model","parts":[{"text":"Which format?"}]},
                                     {"role":"user","parts":[{"text":"JSON, please."}]}],
                         "generationConfig":{"maxOutputTokens":500,"temperature":0.3,
                                             "responseMimeType":"application/json"}}""")));
    }

    @Test
    void mapsFunctionDeclarationsCallsAndResponsesBothWays() {
        server.stubFor(post(PATH).willReturn(json("""
                {"candidates":[{"content":{"parts":[{"functionCall":{"name":"get_weather","args":{"city":"Rome"}}}],
                  "role":"model"},"finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":120,"candidatesTokenCount":8,"totalTokenCount":128},
                 "modelVersion":"gemini-2.5-flash"}""")));
        ChatRequest body = new ChatRequest(List.of(
                ChatMessage.of("user", "Weather in Paris, then Rome?"),
                new ChatMessage("assistant", null, null, null, Json.tree("""
                        [{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]""")),
                new ChatMessage("tool", Json.tree("\"{\\\"temp_c\\\": 18}\""), null, "call_1", null)),
                null, null, null, List.of(Json.tree("""
                {"type":"function","function":{"name":"get_weather","description":"Current weather",
                 "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],
                               "additionalProperties":false}}}""")));

        ProviderReply reply = call(body);

        ChatResponse.Choice choice = reply.response().choices().get(0);
        assertThat(choice.finishReason()).isEqualTo("tool_calls");
        assertThat(choice.message().content()).isNull();
        assertThat(choice.message().toolCalls()).isEqualTo(Json.tree("""
                [{"id":"call_0","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]"""));
        assertThat(reply.usage()).isEqualTo(new TokenUsage(120, 0, 8));
        server.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"contents":[
                   {"role":"user","parts":[{"text":"Weather in Paris, then Rome?"}]},
                   {"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{"city":"Paris"}}}]},
                   {"role":"user","parts":[{"functionResponse":{"name":"get_weather","response":{"temp_c":18}}}]}],
                 "tools":[{"functionDeclarations":[{"name":"get_weather","description":"Current weather",
                   "parametersJsonSchema":{"type":"object","properties":{"city":{"type":"string"}},
                                           "required":["city"],"additionalProperties":false}}]}]}""")));
    }

    @Test
    void sendsImagesAsInlineDataAndReportsABlockedPromptAsContentFilter() {
        server.stubFor(post(PATH).willReturn(json("""
                {"promptFeedback":{"blockReason":"SAFETY","safetyRatings":[
                   {"category":"HARM_CATEGORY_DANGEROUS_CONTENT","probability":"HIGH"}]},
                 "usageMetadata":{"promptTokenCount":270,"totalTokenCount":270},"modelVersion":"gemini-2.5-flash"}""")));
        ChatRequest body = new ChatRequest(List.of(new ChatMessage("user", Json.tree("""
                [{"type":"text","text":"Describe"},
                 {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQSkZJRg=="}}]"""),
                null, null, null)), null, null, null, null);

        ProviderReply reply = call(body);

        assertThat(reply.isOk()).isTrue();
        assertThat(reply.response().choices().get(0).finishReason()).isEqualTo("content_filter");
        assertThat(reply.usage()).isEqualTo(new TokenUsage(270, 0, 0));
        server.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"contents":[{"role":"user","parts":[{"text":"Describe"},
                  {"inlineData":{"mimeType":"image/jpeg","data":"/9j/4AAQSkZJRg=="}}]}]}""")));
    }

    @Test
    void readsMaxTokensAsLength() {
        server.stubFor(post(PATH).willReturn(json("""
                {"candidates":[{"content":{"parts":[{"text":"Once upon"}],"role":"model"},"finishReason":"MAX_TOKENS"}],
                 "usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":2,"totalTokenCount":7}}""")));

        ProviderReply reply = call(new ChatRequest(List.of(ChatMessage.of("user", "Tell a story")), 2, null, null,
                null));

        assertThat(reply.response().choices().get(0).finishReason()).isEqualTo("length");
        assertThat(reply.response().model()).isEqualTo("gemini-2.5-flash");
    }

    private static ProviderReply call(ChatRequest body) {
        try {
            return provider.complete(new ProviderCall("req-1", 1, CATALOG.require("gemini-2.5-flash"), body))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the adapter must complete normally", e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
