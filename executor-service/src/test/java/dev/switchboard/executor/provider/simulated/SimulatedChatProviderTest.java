package dev.switchboard.executor.provider.simulated;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.tokens.TokenCounter;
import dev.switchboard.executor.provider.ChatTokens;
import dev.switchboard.executor.provider.ProviderCall;
import dev.switchboard.executor.provider.ProviderReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated provider: repeatable answers, real token counts, limits respected, delays off-thread. */
class SimulatedChatProviderTest {

    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();
    private static final TokenCounter COUNTER = new TokenCounter();

    private final SimulatedChatProvider provider =
            new SimulatedChatProvider(0, 0, new ChatTokens(COUNTER), Clock.systemUTC());

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void sameRequestAndModelGiveTheSameTextAndAnotherPromptAnother() {
        String first = reply("gpt-4.1-mini", "Summarise the causes of the French revolution", null).response().firstText();
        String again = reply("gpt-4.1-mini", "Summarise the causes of the French revolution", null).response().firstText();
        String other = reply("gpt-4.1-mini", "Write a haiku about Kafka consumers", null).response().firstText();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).startsWith("[simulated answer from gpt-4.1-mini]")
                .contains("Summarise the causes of the French revolution");
    }

    @Test
    void countsPromptAndReplyTokensWithTheModelsTokenizer() {
        ModelSpec model = CATALOG.require("gpt-4.1-mini");
        ProviderReply reply = reply(model.id(), "Explain what a consumer group is", null);

        ChatTokens tokens = new ChatTokens(COUNTER);
        ChatRequest body = body("Explain what a consumer group is", null);
        assertThat(reply.usage().inputTokens()).isEqualTo(tokens.prompt(body, model)).isGreaterThan(0);
        assertThat(reply.usage().outputTokens())
                .isEqualTo(tokens.text(reply.response().firstText(), model)).isGreaterThan(0);
        assertThat(reply.response().choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(reply.response().model()).isEqualTo("gpt-4.1-mini");
    }

    @Test
    void keepsTheReplyWithinMaxTokens() {
        ProviderReply reply = reply("claude-sonnet-4", "Describe the water cycle in detail", 12);

        assertThat(reply.usage().outputTokens()).isBetween(1L, 12L);
        assertThat(reply.response().choices().get(0).finishReason()).isEqualTo("length");
    }

    @Test
    void answersInJsonWhenAskedForJson() {
        ModelSpec model = CATALOG.require("gpt-4o-mini");
        ChatRequest body = new ChatRequest(List.of(ChatMessage.of("user", "List three colours")), null, null,
                Json.tree("{\"type\":\"json_object\"}"), null);

        ProviderReply reply = provider.answer(new ProviderCall("r", 1, model, body), 42L);

        assertThat(Json.tree(reply.response().firstText()).path("simulated").asBoolean()).isTrue();
    }

    @Test
    void completesLaterOnItsTimerWithoutBlockingTheCaller() throws Exception {
        try (SimulatedChatProvider slow = new SimulatedChatProvider(300, 50, new ChatTokens(COUNTER),
                Clock.systemUTC())) {
            CompletableFuture<ProviderReply> reply = slow.complete(call("gpt-4.1-nano", "hi", null))
                    .toCompletableFuture();

            assertThat(reply).isNotDone();
            assertThat(reply.get(5, TimeUnit.SECONDS).isOk()).isTrue();
        }
    }

    private ProviderReply reply(String modelId, String prompt, Integer maxTokens) {
        try {
            return provider.complete(call(modelId, prompt, maxTokens)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ProviderCall call(String modelId, String prompt, Integer maxTokens) {
        return new ProviderCall("req-1", 1, CATALOG.require(modelId), body(prompt, maxTokens));
    }

    private static ChatRequest body(String prompt, Integer maxTokens) {
        return new ChatRequest(List.of(ChatMessage.of("system", "You are concise."), ChatMessage.of("user", prompt)),
                maxTokens, null, null, null);
    }
}
