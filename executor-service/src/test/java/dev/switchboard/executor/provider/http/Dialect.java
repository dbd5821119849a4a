package dev.switchboard.executor.provider.http;

import dev.switchboard.executor.provider.ApiKeys;
import dev.switchboard.executor.provider.anthropic.AnthropicChatProvider;
import dev.switchboard.executor.provider.gemini.GeminiChatProvider;
import dev.switchboard.executor.provider.openai.OpenAiChatProvider;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One provider's wire format as a test fixture: where calls go, a model it serves, and its documented error
 * bodies and headers, keyed by the case of the shared error matrix.
 */
record Dialect(String name, String model, String path, String successBody, Map<String, Reply> errors) {

    /** The fake key every fixture is configured with; several error bodies echo it. */
    static final String KEY = "sk-test-SECRET1234567890abcdef";
    static final String GOOGLE_KEY = "AIzaSyTEST-SECRET1234567890abcdefghij";

    /** An error reply: status, body and extra headers. */
    record Reply(int status, String body, Map<String, String> headers) {
        static Reply of(int status, String body) {
            return new Reply(status, body, Map.of());
        }
    }

    String key() {
        return name.equals("gemini") ? GOOGLE_KEY : KEY;
    }

    HttpChatProvider provider(String baseUrl, Duration timeout) {
        String base = name.equals("openai") ? baseUrl + "/v1" : baseUrl;
        HttpSettings settings = HttpSettings.of(base, ApiKeys.of(List.of(key())), Duration.ofSeconds(2), timeout);
        return switch (name) {
            case "openai" -> new OpenAiChatProvider("openai", settings, Clock.systemUTC());
            case "anthropic" -> new AnthropicChatProvider("anthropic", settings, Clock.systemUTC());
            default -> new GeminiChatProvider("google", settings, Clock.systemUTC());
        };
    }

    @Override
    public String toString() {
        return name;
    }

    static List<Dialect> all() {
        return List.of(openAi(), anthropic(), gemini());
    }

    static Dialect openAi() {
        return new Dialect("openai", "gpt-4.1-mini", "/v1/chat/completions", """
                {"id":"chatcmpl-BQ8bN3kZ1x","object":"chat.completion","created":1745920000,
                 "model":"gpt-4.1-mini-2025-04-14","choices":[{"index":0,"message":{"role":"assistant",
                 "content":"Paris."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":12,"completion_tokens":2,"total_tokens":14}}""", Map.of(
                "invalid_request", Reply.of(400, openAiError("Invalid type for 'messages[0].content': expected one"
                        + " of a string or array of objects, but got an integer instead.", "invalid_request_error",
                        "messages[0].content", "invalid_type")),
                "auth", Reply.of(401, openAiError("Incorrect API key provided: " + KEY + ". You can find your API"
                        + " key at https://platform.openai.com/account/api-keys.", "invalid_request_error", null,
                        "invalid_api_key")),
                "model_not_found", Reply.of(404, openAiError("The model `gpt-4.1-mini` does not exist or you do"
                        + " not have access to it.", "invalid_request_error", null, "model_not_found")),
                "context_length", Reply.of(400, openAiError("This model's maximum context length is 1047576"
                        + " tokens. However, your messages resulted in 1100000 tokens. Please reduce the length of"
                        + " the messages.", "invalid_request_error", "messages", "context_length_exceeded")),
                "rate_limited", new Reply(429, openAiError("Rate limit reached for gpt-4.1-mini in organization"
                        + " org-abc on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in"
                        + " 7s. Visit https://platform.openai.com/account/rate-limits to learn more.", "requests",
                        null, "rate_limit_exceeded"), Map.of("retry-after", "7", "x-ratelimit-limit-requests", "500",
                        "x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "7s")),
                "server_error", Reply.of(500, openAiError("The server had an error while processing your request."
                        + " Sorry about that!", "server_error", null, null)),
                "unavailable", Reply.of(503, openAiError("The engine is currently overloaded, please try again"
                        + " later", "server_error", null, null))));
    }

    static Dialect anthropic() {
        return new Dialect("anthropic", "claude-sonnet-4", "/v1/messages", """
                {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant",
                 "model":"claude-sonnet-4-20250514","content":[{"type":"text","text":"Paris."}],
                 "stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":12,"output_tokens":4}}""", Map.of(
                "invalid_request", Reply.of(400, anthropicError("invalid_request_error", "max_tokens: 100000 > 64000,"
                        + " which is the maximum allowed number of output tokens for claude-sonnet-4-20250514")),
                "auth", Reply.of(401, anthropicError("authentication_error", "invalid x-api-key " + KEY)),
                "model_not_found", Reply.of(404, anthropicError("not_found_error", "model: claude-sonnet-4-20250514")),
                "context_length", Reply.of(400, anthropicError("invalid_request_error",
                        "prompt is too long: 208310 tokens > 200000 maximum")),
                "rate_limited", new Reply(429, anthropicError("rate_limit_error", "This request would exceed the"
                        + " rate limit for your organization of 50,000 input tokens per minute. For details, refer"
                        + " to: https://docs.anthropic.com/en/api/rate-limits."), Map.of("retry-after", "7",
                        "anthropic-ratelimit-input-tokens-remaining", "0")),
                "server_error", Reply.of(500, anthropicError("api_error", "Internal server error")),
                "unavailable", Reply.of(503, anthropicError("api_error", "Service unavailable")),
                "overloaded_529", Reply.of(529, anthropicError("overloaded_error", "Overloaded"))));
    }

    static Dialect gemini() {
        return new Dialect("gemini", "gemini-2.5-flash", "/v1beta/models/gemini-2.5-flash:generateContent", """
                {"candidates":[{"content":{"parts":[{"text":"Paris."}],"role":"model"},"finishReason":"STOP",
                 "index":0}],"usageMetadata":{"promptTokenCount":12,"candidatesTokenCount":2,
                 "totalTokenCount":14},"modelVersion":"gemini-2.5-flash","responseId":"mN0aaK7dLpe"}""", Map.of(
                "invalid_request", Reply.of(400, googleError(400, "INVALID_ARGUMENT", "Invalid JSON payload"
                        + " received. Unknown name \\\"max_tokens\\\": Cannot find field.", """
                        [{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[
                          {"description":"Invalid JSON payload received. Unknown name \\"max_tokens\\": Cannot find field."}]}]""")),
                "auth", Reply.of(401, googleError(401, "UNAUTHENTICATED", "Request had invalid authentication"
                        + " credentials. Expected OAuth 2 access token, login cookie or other valid authentication"
                        + " credential. Key " + GOOGLE_KEY + " rejected.", "[]")),
                "model_not_found", Reply.of(404, googleError(404, "NOT_FOUND", "models/gemini-2.5-flash is not"
                        + " found for API version v1beta, or is not supported for generateContent. Call ListModels"
                        + " to see the list of available models and their supported methods.", "[]")),
                "context_length", Reply.of(400, googleError(400, "INVALID_ARGUMENT", "The input token count"
                        + " (1205000) exceeds the maximum number of tokens allowed (1048576).", "[]")),
                "rate_limited", Reply.of(429, googleError(429, "RESOURCE_EXHAUSTED", "You exceeded your current"
                        + " quota, please check your plan and billing details. For more information on this error,"
                        + " head to: https://ai.google.dev/gemini-api/docs/rate-limits.", """
                        [{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{
                           "quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests",
                           "quotaId":"GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
                           "quotaDimensions":{"location":"global","model":"gemini-2.5-flash"},"quotaValue":"10"}]},
                         {"@type":"type.googleapis.com/google.rpc.Help","links":[{"url":
                           "https://ai.google.dev/gemini-api/docs/rate-limits","description":"Gemini API quotas"}]},
                         {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"7s"}]""")),
                "server_error", Reply.of(500, googleError(500, "INTERNAL", "An internal error has occurred. Please"
                        + " retry or report in https://developers.generativeai.google/guide/troubleshooting", "[]")),
                "unavailable", Reply.of(503, googleError(503, "UNAVAILABLE",
                        "The model is overloaded. Please try again later.", "[]")),
                "api_key_invalid", Reply.of(400, googleError(400, "INVALID_ARGUMENT",
                        "API key not valid. Please pass a valid API key.", """
                        [{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID",
                          "domain":"googleapis.com","metadata":{"service":"generativelanguage.googleapis.com"}}]"""))));
    }

    private static String openAiError(String message, String type, String param, String code) {
        return """
                {"error": {"message": "%s", "type": "%s", "param": %s, "code": %s}}"""
                .formatted(message, type, quoted(param), quoted(code));
    }

    private static String anthropicError(String type, String message) {
        return """
                {"type":"error","error":{"type":"%s","message":"%s"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}"""
                .formatted(type, message);
    }

    private static String googleError(int code, String status, String message, String details) {
        return """
                {"error": {"code": %d, "message": "%s", "status": "%s", "details": %s}}"""
                .formatted(code, message, status, details);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
