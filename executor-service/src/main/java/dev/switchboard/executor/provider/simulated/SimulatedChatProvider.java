package dev.switchboard.executor.provider.simulated;

import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatResponse;
import dev.switchboard.core.event.TokenUsage;
import dev.switchboard.executor.provider.ChatProvider;
import dev.switchboard.executor.provider.ChatTokens;
import dev.switchboard.executor.provider.ProviderCall;
import dev.switchboard.executor.provider.ProviderReply;
import dev.switchboard.executor.provider.ProviderTimers;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A provider that calls no model: a deterministic answer per prompt and model, real token counts, and a
 * configurable delay served by a timer (never by sleeping on the caller's thread).
 */
public final class SimulatedChatProvider implements ChatProvider {

    /** The provider name simulated results carry. */
    public static final String NAME = "simulated";

    private final long latencyMs;
    private final long jitterMs;
    private final ChatTokens tokens;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    public SimulatedChatProvider(long latencyMs, long jitterMs, ChatTokens tokens, Clock clock) {
        if (latencyMs < 0 || jitterMs < 0) {
            throw new IllegalArgumentException("simulated latency and jitter must not be negative, were "
                    + latencyMs + " and " + jitterMs);
        }
        this.latencyMs = latencyMs;
        this.jitterMs = jitterMs;
        this.tokens = tokens;
        this.clock = clock;
        this.timer = ProviderTimers.daemon("simulated-provider");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<ProviderReply> complete(ProviderCall call) {
        long seed = SimulatedAnswer.seed(call.model(), call.body());
        long delay = latencyMs + (jitterMs == 0 ? 0 : Math.floorMod(seed, jitterMs + 1));
        CompletableFuture<ProviderReply> reply = new CompletableFuture<>();
        timer.schedule(() -> {
            try {
                reply.complete(answer(call, seed));
            } catch (RuntimeException e) {
                reply.completeExceptionally(e);
            }
        }, delay, TimeUnit.MILLISECONDS);
        return reply;
    }

    /** The reply, computed now; the delay is the caller's business. */
    ProviderReply answer(ProviderCall call, long seed) {
        ModelSpec model = call.model();
        Integer maxTokens = call.body() == null ? null : call.body().maxTokens();
        int limit = maxTokens == null || maxTokens <= 0
                ? model.maxOutputTokens() : Math.min(maxTokens, model.maxOutputTokens());
        SimulatedAnswer.Answer answer = SimulatedAnswer.write(model, call.body(), seed, limit,
                text -> tokens.text(text, model));
        long prompt = tokens.prompt(call.body(), model);
        long completion = tokens.text(answer.text(), model);
        ChatResponse response = new ChatResponse(
                "sim-" + Long.toHexString(seed),
                "chat.completion",
                clock.instant().getEpochSecond(),
                model.id(),
                List.of(new ChatResponse.Choice(0, ChatMessage.of("assistant", answer.text()), answer.finishReason())),
                new ChatResponse.Usage(prompt, completion, prompt + completion, new ChatResponse.PromptTokensDetails(0)));
        return ProviderReply.ok(response, new TokenUsage(prompt, 0, completion));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
