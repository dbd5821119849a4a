package dev.switchboard.executor.provider.replay;

import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatResponse;
import dev.switchboard.core.event.TokenUsage;
import dev.switchboard.core.recorded.BenchmarkLine;
import dev.switchboard.core.recorded.PromptKey;
import dev.switchboard.core.recorded.RecordedOutcome;
import dev.switchboard.executor.provider.ChatProvider;
import dev.switchboard.executor.provider.ProviderCall;
import dev.switchboard.executor.provider.ProviderReply;
import dev.switchboard.executor.provider.ProviderTimers;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A provider that serves recorded benchmark answers: for a prompt of the benchmark files, the chosen model's
 * recorded answer with its recorded tokens and cost, so a run over recorded data costs what those models really
 * cost. Calls no model and needs no key.
 */
public final class ReplayChatProvider implements ChatProvider {

    /** The provider name replayed results and usage events carry. */
    public static final String NAME = "replay";
    /** Error code of a call the recordings cannot answer: the prompt is not recorded, or not for that model. */
    public static final String REPLAY_MISS = "replay_miss";
    /** How much of the prompt a miss message shows. */
    static final int PROMPT_SHOWN = 60;

    private final ReplayIndex index;
    private final long latencyMs;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    public ReplayChatProvider(ReplayIndex index, long latencyMs, Clock clock) {
        if (latencyMs < 0) {
            throw new IllegalArgumentException("executor.replay.latency-ms must not be negative, was " + latencyMs);
        }
        this.index = index;
        this.latencyMs = latencyMs;
        this.clock = clock;
        this.timer = latencyMs == 0 ? null : ProviderTimers.daemon("replay-provider");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletionStage<ProviderReply> complete(ProviderCall call) {
        ProviderReply reply = answer(call);
        if (timer == null) {
            return CompletableFuture.completedFuture(reply);
        }
        CompletableFuture<ProviderReply> delayed = new CompletableFuture<>();
        timer.schedule(() -> delayed.complete(reply), latencyMs, TimeUnit.MILLISECONDS);
        return delayed;
    }

    /** The recorded reply, or a {@value #REPLAY_MISS} failure naming the model and the prompt. */
    ProviderReply answer(ProviderCall call) {
        ModelSpec model = call.model();
        Optional<BenchmarkLine> line = index.find(call.body());
        if (line.isEmpty()) {
            return ProviderReply.failed(REPLAY_MISS, "replay: no recorded prompt matches " + shown(call)
                    + " (asked of model '" + model.id() + "')", null);
        }
        Optional<RecordedOutcome> outcome = line.get().outcome(model.id());
        if (outcome.isEmpty()) {
            return ProviderReply.failed(REPLAY_MISS, "replay: model '" + model.id() + "' has no recorded answer for "
                    + shown(call) + " (" + line.get().id() + " has answers of "
                    + String.join(", ", line.get().outcomes().keySet()) + ")", null);
        }
        RecordedOutcome recorded = outcome.get();
        ChatResponse response = new ChatResponse(
                "replay-" + line.get().id(),
                "chat.completion",
                clock.instant().getEpochSecond(),
                model.id(),
                List.of(new ChatResponse.Choice(0, ChatMessage.of("assistant", recorded.response()), "stop")),
                new ChatResponse.Usage(recorded.inputTokens(), recorded.outputTokens(),
                        recorded.inputTokens() + recorded.outputTokens(), new ChatResponse.PromptTokensDetails(0)));
        return ProviderReply.billed(response, new TokenUsage(recorded.inputTokens(), 0, recorded.outputTokens()),
                recorded.billedCostUsd());
    }

    /** The first {@value #PROMPT_SHOWN} characters of the prompt, quoted, on one line. */
    private static String shown(ProviderCall call) {
        List<String> keys = PromptKey.candidates(call.body());
        String prompt = keys.isEmpty() ? "" : keys.get(0);
        return "\"" + (prompt.length() > PROMPT_SHOWN ? prompt.substring(0, PROMPT_SHOWN) + "…" : prompt) + "\"";
    }

    @Override
    public String toString() {
        return NAME + "(" + index.prompts() + " recorded prompts)";
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
