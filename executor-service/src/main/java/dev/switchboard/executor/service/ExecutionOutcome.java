package dev.switchboard.executor.service;

import dev.switchboard.core.catalog.CostCalculator;
import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.CascadeTraceEntry;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.ResultStatus;
import dev.switchboard.core.event.TokenUsage;
import dev.switchboard.core.event.UsageEvent;
import dev.switchboard.core.event.UsageOutcome;
import dev.switchboard.executor.provider.ProviderReply;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What one request attempt produced: its terminal result and the usage event of the provider call (none when no
 * provider was called).
 */
public record ExecutionOutcome(LlmResult result, UsageEvent usage) {

    /** The plan step the executor runs; cascades (later steps) come with the quality gate. */
    public static final int FIRST_STEP = 1;

    /**
     * The outcome of a provider call: cost from the model's prices, baseline from the strongest model's prices
     * for the same tokens.
     */
    public static ExecutionOutcome called(LlmRequest request, ModelSpec model, ModelSpec strongest, String provider,
                                          ProviderReply reply, long latencyMs, Instant at) {
        TokenUsage usage = reply.usage() == null ? TokenUsage.ZERO : reply.usage();
        BigDecimal cost = CostCalculator.cost(model, usage.inputTokens(), usage.cachedInputTokens(),
                usage.outputTokens());
        BigDecimal baseline = CostCalculator.cost(strongest, usage.inputTokens(), usage.cachedInputTokens(),
                usage.outputTokens());
        boolean ok = reply.isOk();
        int attempt = request.attemptOrFirst();
        CascadeTraceEntry step = new CascadeTraceEntry(FIRST_STEP, model.id(), provider, ok, null, usage, cost,
                latencyMs, ok ? null : reply.error().code());
        LlmResult result = new LlmResult(LlmResult.SCHEMA_VERSION, request.id(), attempt, request.tenant(),
                ok ? ResultStatus.OK : ResultStatus.FAILED, reply.error(), reply.response(), model.id(), provider,
                usage, cost, baseline, latencyMs, List.of(step), false, at);
        UsageEvent event = new UsageEvent(UsageEvent.SCHEMA_VERSION,
                UsageEvent.eventIdFor(request.id(), attempt, FIRST_STEP), request.id(), attempt, FIRST_STEP,
                request.tenant(), request.project(), request.user(), request.feature(), model.id(), provider,
                usage.inputTokens(), usage.cachedInputTokens(), usage.outputTokens(), cost, latencyMs,
                ok ? UsageOutcome.OK : UsageOutcome.ERROR, ok, at);
        return new ExecutionOutcome(result, event);
    }

    /** A request that failed before any provider call (bad plan, unknown model, no adapter): nothing is billed. */
    public static ExecutionOutcome notCalled(LlmRequest request, String model, String provider, ErrorInfo error,
                                             Instant at) {
        CascadeTraceEntry step = new CascadeTraceEntry(FIRST_STEP, model, provider, false, null, TokenUsage.ZERO,
                BigDecimal.ZERO, 0, error.code());
        LlmResult result = new LlmResult(LlmResult.SCHEMA_VERSION, request.id(), request.attemptOrFirst(),
                request.tenant(), ResultStatus.FAILED, error, null, model, provider, TokenUsage.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, 0L, List.of(step), false, at);
        return new ExecutionOutcome(result, null);
    }
}
