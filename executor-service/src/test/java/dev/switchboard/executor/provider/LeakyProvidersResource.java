package dev.switchboard.executor.provider;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Test resource: OpenAI, Anthropic and Gemini endpoints on one WireMock server that answer most calls and, for
 * prompts containing {@link #FAIL} or {@link #ROTATE}, fail with error bodies that echo the caller's API key back,
 * as providers do ("Incorrect API key provided: sk-...").
 */
public class LeakyProvidersResource implements QuarkusTestResourceLifecycleManager {

    /** Every fake key holds this, so one search finds any of them. */
    public static final String CANARY = "LEAKCANARY";
    public static final String OPENAI_FIRST = "sk-test-" + CANARY + "-first-0001";
    public static final String OPENAI_SECOND = "sk-test-" + CANARY + "-second-0002";
    public static final String ANTHROPIC = "sk-ant-api03-" + CANARY + "-0003";
    public static final String GOOGLE = "AIzaSy" + CANARY + "0004abcdefghijklmno";
    /** A prompt with this fails with an error body echoing the key. */
    public static final String FAIL = "[fail]";
    /** A prompt with this is rate-limited (key echoed) on the first OpenAI key and answered on the second. */
    public static final String ROTATE = "[rotate]";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().notifier(new ConsoleNotifier(false)));
        server.start();
        stubOpenAi();
        stubAnthropic();
        stubGemini();
        String base = server.baseUrl();
        return Map.of("executor.providers.openai.base-url", base + "/v1",
                "executor.providers.anthropic.base-url", base,
                "executor.providers.google.base-url", base);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private void stubOpenAi() {
        String path = "/v1/chat/completions";
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(json(404, "{\"error\":{\"message\":\"no such path\"}}")));
        server.stubFor(post(urlPathEqualTo(path)).atPriority(5).willReturn(json(200, """
                {"id":"chatcmpl-1","object":"chat.completion","created":1745920000,"model":"gpt-4.1-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Fine."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":12,"completion_tokens":2,"total_tokens":14,
                          "prompt_tokens_details":{"cached_tokens":0}}}""")));
        server.stubFor(post(urlPathEqualTo(path)).atPriority(1).withRequestBody(containing(FAIL)).willReturn(json(401, """
                {"error":{"message":"Incorrect API key provided: %s. You can find your API key at https://platform.openai.com/account/api-keys.",
                 "type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""".formatted(OPENAI_SECOND))));
        server.stubFor(post(urlPathEqualTo(path)).atPriority(1).withRequestBody(containing(ROTATE))
                .withHeader("Authorization", equalTo("Bearer " + OPENAI_FIRST)).willReturn(json(429, """
                {"error":{"message":"Rate limit reached for key %s on requests per min (RPM): Limit 3, Used 3.",
                 "type":"requests","param":null,"code":"rate_limit_exceeded"}}""".formatted(OPENAI_FIRST))
                .withHeader("retry-after", "0")));
    }

    private void stubAnthropic() {
        String path = "/v1/messages";
        server.stubFor(post(urlPathEqualTo(path)).atPriority(5).willReturn(json(200, """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-3-5-haiku-20241022",
                 "content":[{"type":"text","text":"Fine."}],"stop_reason":"end_turn",
                 "usage":{"input_tokens":12,"cache_read_input_tokens":0,"output_tokens":2}}""")));
        server.stubFor(post(urlPathEqualTo(path)).atPriority(1).withRequestBody(containing(FAIL)).willReturn(json(401, """
                {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key: %s"},
                 "request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}""".formatted(ANTHROPIC))));
    }

    private void stubGemini() {
        String path = "/v1beta/models/gemini-2.0-flash:generateContent";
        server.stubFor(post(urlPathEqualTo(path)).atPriority(5).willReturn(json(200, """
                {"candidates":[{"content":{"parts":[{"text":"Fine."}],"role":"model"},"finishReason":"STOP"}],
                 "usageMetadata":{"promptTokenCount":12,"candidatesTokenCount":2,"totalTokenCount":14},
                 "modelVersion":"gemini-2.0-flash"}""")));
        server.stubFor(post(urlPathEqualTo(path)).atPriority(1).withRequestBody(containing(FAIL)).willReturn(json(400, """
                {"error":{"code":400,"message":"API key not valid. Please pass a valid API key. (%s)",
                 "status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo",
                 "reason":"API_KEY_INVALID","domain":"googleapis.com",
                 "metadata":{"service":"generativelanguage.googleapis.com","key":"%s"}}]}}"""
                .formatted(GOOGLE, GOOGLE))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
