package dev.switchboard.core.intake;

import dev.switchboard.core.event.RoutingWeights;
import dev.switchboard.core.event.Strategy;
import dev.switchboard.core.intake.RequestIntake.Accepted;
import dev.switchboard.core.intake.RequestIntake.Invalid;
import dev.switchboard.core.intake.RequestIntake.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RequestIntakeTest {

    private static final String MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]";

    /** A valid request with {@code body} extras and top-level extras spliced in. */
    private static String request(String bodyExtra, String topExtra) {
        return "{\"schema_version\":1,\"id\":\"req-1\",\"tenant\":\"acme\",\"body\":{" + MESSAGES + bodyExtra + "}"
                + topExtra + "}";
    }

    @Test
    void acceptsAWellFormedRequestWithEveryOptionalField() {
        String raw = """
                {"schema_version":1,"id":"req-1","attempt":2,"tenant":"acme","project":"search","user":"u-7",
                 "feature":"faq","tags":{"env":"prod"},
                 "body":{"messages":[{"role":"system","content":"Be brief."},
                                     {"role":"user","content":[{"type":"text","text":"Hi"}]},
                                     {"role":"assistant","tool_calls":[{"id":"c1"}]}],
                         "max_tokens":256,"temperature":0.2,"response_format":{"type":"json_object"},
                         "tools":[{"type":"function","function":{"name":"f"}}]},
                 "hints":{"strategy":"cost","model":"gpt-4.1-mini","max_cost_usd":0.01,"max_latency_ms":3000,
                          "min_quality":0.7,"cascade":"off","priority":"batch","cache":"bypass"},
                 "created_at":"2025-06-01T12:00:00Z"}""";

        Outcome outcome = RequestIntake.read(raw);

        assertThat(outcome).isInstanceOf(Accepted.class);
        var request = ((Accepted) outcome).request();
        assertThat(request.id()).isEqualTo("req-1");
        assertThat(request.attemptOrFirst()).isEqualTo(2);
        assertThat(request.body().maxTokens()).isEqualTo(256);
        assertThat(request.hints().strategy()).isEqualTo(Strategy.COST);
        assertThat(request.hints().maxCostUsd()).isEqualByComparingTo(new BigDecimal("0.01"));
    }

    @Test
    void acceptsScoreWeightsAndLeavesAMissingOneUnset() {
        Outcome outcome = RequestIntake.read(request("", ",\"hints\":{\"strategy\":\"balanced\","
                + "\"weights\":{\"cost\":2,\"quality\":1.5}}"));

        assertThat(outcome).isInstanceOf(Accepted.class);
        assertThat(((Accepted) outcome).request().hints().weights()).isEqualTo(new RoutingWeights(2.0, null, 1.5));
    }

    @Test
    void readsAMissingSchemaVersionAsVersionOne() {
        String raw = "{\"id\":\"req-1\",\"tenant\":\"acme\",\"body\":{" + MESSAGES + "}}";

        Outcome outcome = RequestIntake.read(raw);

        assertThat(outcome).isInstanceOf(Accepted.class);
        assertThat(((Accepted) outcome).request().schemaVersion()).isEqualTo(1);
        assertThat(((Accepted) outcome).request().attemptOrFirst()).isEqualTo(1);
    }

    static Stream<Arguments> unreadable() {
        return Stream.of(
                arguments("", "$", "empty"),
                arguments("   ", "$", "empty"),
                arguments("this is not json {", "$", "not JSON"),
                arguments("[1,2,3]", "$", "must be a JSON object"),
                arguments("{\"tenant\":\"acme\",\"body\":{" + MESSAGES + "}}", "id", "'id' is missing"),
                arguments("{\"id\":42,\"tenant\":\"acme\"}", "id", "'id' is missing or not a non-empty string"),
                arguments("{\"id\":\"  \",\"tenant\":\"acme\"}", "id", "'id'"),
                arguments(request("", "") + " {\"id\":\"req-2\"}", "$", "not JSON"));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("unreadable")
    void saysWhyARecordWithoutARequestIdCannotBeRead(String raw, String field, String reason) {
        Outcome outcome = RequestIntake.read(raw);

        assertThat(outcome).isInstanceOf(Invalid.class);
        Invalid invalid = (Invalid) outcome;
        assertThat(invalid.requestId()).isNull();
        assertThat(invalid.field()).isEqualTo(field);
        assertThat(invalid.message()).contains(reason);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments("{\"id\":\"req-1\",\"body\":{" + MESSAGES + "}}", "tenant", "'tenant' is missing"),
                arguments(request("", ",\"tenant\":7").replace("\"tenant\":\"acme\",", ""), "tenant", "'tenant'"),
                arguments(request("", ",\"attempt\":0"), "attempt", "positive integer"),
                arguments(request("", ",\"attempt\":\"two\""), "attempt", "positive integer"),
                arguments(request("", ",\"user\":{\"id\":1}"), "user", "'user' must be a string"),
                arguments("{\"id\":\"req-1\",\"tenant\":\"acme\"}", "body", "'body'"),
                arguments("{\"id\":\"req-1\",\"tenant\":\"acme\",\"body\":{\"messages\":[]}}", "body.messages",
                        "'body.messages' is missing or empty"),
                arguments("{\"id\":\"req-1\",\"tenant\":\"acme\",\"body\":{}}", "body.messages", "'body.messages'"),
                arguments("{\"id\":\"req-1\",\"tenant\":\"acme\",\"body\":{\"messages\":[{\"content\":\"hi\"}]}}",
                        "body.messages[0].role", "'body.messages[0].role'"),
                arguments("{\"id\":\"req-1\",\"tenant\":\"acme\",\"body\":{\"messages\":[{\"role\":\"user\"}]}}",
                        "body.messages[0].content", "must be a string or an array of parts"),
                arguments("{\"id\":\"req-1\",\"tenant\":\"acme\",\"body\":{\"messages\":[{\"role\":\"bot\",\"content\":\"hi\"}]}}",
                        "body.messages[0].role", "unknown role 'bot'"),
                arguments(request(",\"max_tokens\":0", ""), "body.max_tokens", "positive integer"),
                arguments(request(",\"temperature\":3", ""), "body.temperature", "from 0 to 2"),
                arguments(request(",\"max_tokens\":10.5", ""), "body.max_tokens", "positive integer"),
                arguments(request(",\"max_tokens\":\"100\"", ""), "body.max_tokens", "positive integer"),
                arguments(request("", ",\"hints\":[]"), "hints", "'hints' must be an object"),
                arguments(request("", ",\"hints\":{\"strategy\":\"cheapest\"}"), "hints.strategy",
                        "unknown strategy 'cheapest' in field 'hints.strategy'; expected one of cost|speed|quality|balanced"),
                arguments(request("", ",\"hints\":{\"cascade\":\"maybe\"}"), "hints.cascade", "unknown cascade 'maybe'"),
                arguments(request("", ",\"hints\":{\"priority\":\"urgent\"}"), "hints.priority", "unknown priority"),
                arguments(request("", ",\"hints\":{\"cache\":\"yes\"}"), "hints.cache", "unknown cache"),
                arguments(request("", ",\"hints\":{\"model\":5}"), "hints.model", "non-empty string"),
                arguments(request("", ",\"hints\":{\"max_cost_usd\":-1}"), "hints.max_cost_usd", "non-negative"),
                arguments(request("", ",\"hints\":{\"max_latency_ms\":\"fast\"}"), "hints.max_latency_ms", "non-negative"),
                arguments(request("", ",\"hints\":{\"min_quality\":1.5}"), "hints.min_quality", "between 0 and 1"),
                arguments(request("", ",\"hints\":{\"weights\":0.5}"), "hints.weights", "must be an object"),
                arguments(request("", ",\"hints\":{\"weights\":{\"price\":1}}"), "hints.weights.price",
                        "unknown weight 'price' in field 'hints.weights'; expected one of cost|latency|quality"),
                arguments(request("", ",\"hints\":{\"weights\":{\"cost\":\"high\"}}"), "hints.weights.cost",
                        "field 'hints.weights.cost' must be a non-negative number"),
                arguments(request("", ",\"hints\":{\"weights\":{\"cost\":1,\"latency\":-0.5}}"),
                        "hints.weights.latency", "field 'hints.weights.latency' must be a non-negative number"),
                arguments(request("", ",\"hints\":{\"weights\":{\"cost\":0,\"quality\":0}}"), "hints.weights",
                        "needs at least one positive weight"),
                arguments(request("", ",\"hints\":{\"weights\":{}}"), "hints.weights",
                        "needs at least one positive weight"),
                arguments(request("", ",\"created_at\":\"yesterday\""), "created_at",
                        "field 'created_at' has the wrong type or format: \"yesterday\""),
                arguments(request(",\"temperature\":\"hot\"", ""), "body.temperature", "from 0 to 2"),
                arguments(request(",\"tools\":{}", ""), "body.tools", "'body.tools'"),
                arguments(request("", ",\"tags\":{\"env\":{\"x\":1}}"), "tags.env", "'tags.env'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void namesTheFieldOfAnInvalidRequestThatHasAnId(String raw, String field, String reason) {
        Outcome outcome = RequestIntake.read(raw);

        assertThat(outcome).isInstanceOf(Invalid.class);
        Invalid invalid = (Invalid) outcome;
        assertThat(invalid.requestId()).isEqualTo("req-1");
        assertThat(invalid.field()).isEqualTo(field);
        assertThat(invalid.message()).contains(reason).doesNotContain("java.").doesNotContain("dev.switchboard");
    }
}
