package dev.switchboard.executor.provider.anthropic;

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
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The Anthropic Messages adapter against a real HTTP server answering in Anthropic's wire format. */
class AnthropicChatProviderTest {

    private static final String KEY = "sk-ant-api03-TESTKEY-4f9c2a7e1b3d";
    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();

    private static WireMockServer server;
    private static AnthropicChatProvider provider;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        provider = new AnthropicChatProvider("anthropic", HttpSettings.of(server.baseUrl(),
                ApiKeys.of(List.of(KEY)), Duration.ofSeconds(2), Duration.ofSeconds(5)), Clock.systemUTC());
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
    void sendsSystemOnTopTheMessagesAndHeadersAndReadsUsageWithCacheTokens() {
        server.stubFor(post("/v1/messages").willReturn(json("""
                {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant",
                 "model":"claude-sonnet-4-20250514",
                 "content":[{"type":"text","text":"Paris is the capital of France."}],
                 "stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":21,"cache_creation_input_tokens":188,"cache_read_input_tokens":1500,
                          "output_tokens":9,"service_tier":"standard"}}""")));
        ChatRequest body = new ChatRequest(List.of(ChatMessage.of("system", "You are concise."),
                ChatMessage.of("user", "What is the capital of France?")), null, 1.4, null, null);

        ProviderReply reply = call("claude-sonnet-4", body);

        assertThat(reply.isOk()).isTrue();
        assertThat(reply.usage()).isEqualTo(new TokenUsage(21 + 188 + 1500, 1500, 9));
        ChatResponse response = reply.response();
        assertThat(response.firstText()).isEqualTo("Paris is the capital of France.");
        assertThat(response.choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(response.model()).isEqualTo("claude-sonnet-4-20250514");
        assertThat(response.usage().promptTokens()).isEqualTo(1709);
        assertThat(response.usage().completionTokens()).isEqualTo(9);
        assertThat(response.usage().promptTokensDetails().cachedTokens()).isEqualTo(1500);
        server.verify(postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo(KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson("""
                        {"model":"claude-sonnet-4-20250514","max_tokens":64000,"system":"You are concise.",
                         "messages":[{"role":"user","content":"What is the capital of France?"}],
                         "temperature":1.0}""")));
    }

    @Test
    void mapsToolsToolCallsAndToolResultsBothWays() {
        server.stubFor(post("/v1/messages").willReturn(json("""
                {"id":"msg_01Aq9w938a90dw8q","type":"message","role":"assistant","model":"claude-3-5-haiku-20241022",
                 "content":[{"type":"text","text":"Let me check the weather."},
                            {"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"get_weather",
                             "input":{"city":"Paris","unit":"celsius"}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":384,"output_tokens":76}}""")));
        ChatRequest body = new ChatRequest(List.of(
                ChatMessage.of("user", "Weather in Paris and Rome?"),
                new ChatMessage("assistant", null, null, null, Json.tree("""
                        [{"id":"toolu_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                         {"id":"toolu_2","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]""")),
                new ChatMessage("tool", Json.tree("\"18C and sunny\""), null, "toolu_1", null),
                new ChatMessage("tool", Json.tree("\"21C\""), null, "toolu_2", null)),
                256, null, null, List.of(Json.tree("""
                {"type":"function","function":{"name":"get_weather","description":"Current weather",
                 "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}""")));

        ProviderReply reply = call("claude-3-5-haiku", body);

        ChatResponse.Choice choice = reply.response().choices().get(0);
        assertThat(choice.finishReason()).isEqualTo("tool_calls");
        assertThat(choice.message().text()).isEqualTo("Let me check the weather.");
        assertThat(choice.message().toolCalls()).isEqualTo(Json.tree("""
                [{"id":"toolu_01A09q90qw90lq917835lq9","type":"function",
                  "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\",\\"unit\\":\\"celsius\\"}"}}]"""));
        assertThat(reply.usage()).isEqualTo(new TokenUsage(384, 0, 76));
        server.verify(postRequestedFor(urlEqualTo("/v1/messages")).withRequestBody(equalToJson("""
                {"model":"claude-3-5-haiku-20241022","max_tokens":256,
                 "messages":[
                   {"role":"user","content":"Weather in Paris and Rome?"},
                   {"role":"assistant","content":[
                     {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}},
                     {"type":"tool_use","id":"toolu_2","name":"get_weather","input":{"city":"Rome"}}]},
                   {"role":"user","content":[
                     {"type":"tool_result","tool_use_id":"toolu_1","content":"18C and sunny"},
                     {"type":"tool_result","tool_use_id":"toolu_2","content":"21C"}]}],
                 "tools":[{"name":"get_weather","description":"Current weather",
                   "input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}]}""")));
    }

    @Test
    void sendsImagesAsSourceBlocksAndKeepsCacheControl() {
        server.stubFor(post("/v1/messages").willReturn(json("""
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-20250514",
                 "content":[{"type":"text","text":"A cat."}],"stop_reason":"max_tokens",
                 "usage":{"input_tokens":1600,"output_tokens":3}}""")));
        ChatRequest body = new ChatRequest(List.of(new ChatMessage("user", Json.tree("""
                [{"type":"text","text":"Long shared context","cache_control":{"type":"ephemeral"}},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},
                 {"type":"image_url","image_url":{"url":"https://example.com/cat.jpg"}},
                 {"type":"text","text":"What is this?"}]"""), null, null, null)), 3, null, null, null);

        ProviderReply reply = call("claude-sonnet-4", body);

        assertThat(reply.response().choices().get(0).finishReason()).isEqualTo("length");
        server.verify(postRequestedFor(urlEqualTo("/v1/messages")).withRequestBody(equalToJson("""
                {"model":"claude-sonnet-4-20250514","max_tokens":3,"messages":[{"role":"user","content":[
                  {"type":"text","text":"Long shared context","cache_control":{"type":"ephemeral"}},
                  {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},
                  {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}},
                  {"type":"text","text":"What is this?"}]}]}""")));
    }

    @Test
    void asksForJsonInTheSystemPromptSinceAnthropicHasNoJsonMode() {
        server.stubFor(post("/v1/messages").willReturn(json("""
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-20250514",
                 "content":[{"type":"text","text":"{\\"a\\":1}"}],"stop_reason":"end_turn",
                 "usage":{"input_tokens":30,"output_tokens":5}}""")));
        ChatRequest body = new ChatRequest(List.of(ChatMessage.of("user", "Give me a JSON object")), 50, null,
                Json.tree("{\"type\":\"json_object\"}"), null);

        call("claude-sonnet-4", body);

        server.verify(postRequestedFor(urlEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.system", equalTo(AnthropicRequest.JSON_INSTRUCTION))));
    }

    @Test
    void refusesARequestItCannotSayWithoutCallingTheProvider() {
        ChatRequest body = new ChatRequest(List.of(new ChatMessage("tool", Json.tree("\"x\""), null, null, null)),
                10, null, null, null);

        ProviderReply reply = call("claude-sonnet-4", body);

        assertThat(reply.error().code()).isEqualTo("invalid_request");
        assertThat(reply.error().message()).contains("tool_call_id");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    private static ProviderReply call(String modelId, ChatRequest body) {
        try {
            return provider.complete(new ProviderCall("req-1", 1, CATALOG.require(modelId), body))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the adapter must complete normally", e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
