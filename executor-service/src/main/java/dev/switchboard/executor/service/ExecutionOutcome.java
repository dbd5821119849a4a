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
import dev.switchboard.executor.resilience.CallRecord;
import dev.switchboard.executor.resilience.PlanResult;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What one request attempt produced: its result and one usage event per provider call, in call order. */
public record ExecutionOutcome(LlmResult result, List<UsageEvent> usage) {

    /** The step (call ordinal) of a request attempt's first provider call. */
    public static final int FIRST_STEP = 1;

    public ExecutionOutcome {
        usage = List.copyOf(usage);
    }

    /**
     * The outcome of a plan run: cost and usage summed over every call, the trace one entry per call, and the
     * baseline the accepted answer's tokens priced on the strongest model.
     *
     * @param latencyMs the whole attempt, from start to its last call's end
     */
    public static ExecutionOutcome of(LlmRequest request, PlanResult plan, ModelSpec strongest, long latencyMs,
                                      Instant at) {
        if (plan.calls().isEmpty()) {
            return notCalled(request, plan.model(), plan.provider(), plan.error(), at);
        }
        List<CascadeTraceEntry> trace = new ArrayList<>();
        List<UsageEvent> events = new ArrayList<>();
        TokenUsage usage = TokenUsage.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (CallRecord call : plan.calls()) {
            BigDecimal callCost = call.costUsd();
            trace.add(traceEntry(call, callCost));
            events.add(usageEvent(request, call, callCost, at));
            usage = usage.plus(call.usage());
            cost = cost.add(callCost);
        }
        CallRecord accepted = plan.accepted();
        BigDecimal baseline = accepted == null ? BigDecimal.ZERO : CostCalculator.cost(strongest,
                accepted.usage().inputTokens(), accepted.usage().cachedInputTokens(), accepted.usage().outputTokens());
        LlmResult result = new LlmResult(LlmResult.SCHEMA_VERSION, request.id(), request.attemptOrFirst(),
                request.tenant(), accepted == null ? ResultStatus.FAILED : ResultStatus.OK, plan.error(),
                accepted == null ? null : accepted.reply().response(), plan.model(), plan.provider(), usage, cost,
                baseline, latencyMs, trace, false, at);
        return new ExecutionOutcome(result, events);
    }

    /** A request that failed before any provider call (bad plan, unknown model, no adapter): nothing is billed. */
    public static ExecutionOutcome notCalled(LlmRequest request, String model, String provider, ErrorInfo error,
                                             Instant at) {
        CascadeTraceEntry step = new CascadeTraceEntry(FIRST_STEP, model, provider, false, null, TokenUsage.ZERO,
                BigDecimal.ZERO, 0, error.code());
        LlmResult result = new LlmResult(LlmResult.SCHEMA_VERSION, request.id(), request.attemptOrFirst(),
                request.tenant(), ResultStatus.FAILED, error, null, model, provider, TokenUsage.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, 0L, List.of(step), false, at);
        return new ExecutionOutcome(result, List.of());
    }

    private static CascadeTraceEntry traceEntry(CallRecord call, BigDecimal cost) {
        return new CascadeTraceEntry(call.ordinal(), call.model().id(), call.provider(),
                Boolean.TRUE.equals(call.accepted()), call.verdict() == null ? null : call.verdict().score(),
                call.usage(), cost, call.latencyMs(), call.ok() ? null : call.reply().error().code());
    }

    private static UsageEvent usageEvent(LlmRequest request, CallRecord call, BigDecimal cost, Instant at) {
        int attempt = request.attemptOrFirst();
        TokenUsage usage = call.usage();
        return new UsageEvent(UsageEvent.SCHEMA_VERSION,
                UsageEvent.eventIdFor(request.id(), attempt, call.ordinal()), request.id(), attempt, call.ordinal(),
                request.tenant(), request.project(), request.user(), request.feature(), call.model().id(),
                call.provider(), usage.inputTokens(), usage.cachedInputTokens(), usage.outputTokens(), cost,
                call.latencyMs(), call.ok() ? UsageOutcome.OK : UsageOutcome.ERROR, call.accepted(), at);
    }
}
