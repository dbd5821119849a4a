package dev.switchboard.executor.resilience;

import dev.switchboard.core.cascade.GateVerdict;
import dev.switchboard.core.catalog.CostCalculator;
import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.TokenUsage;
import dev.switchboard.executor.provider.ProviderReply;

import java.math.BigDecimal;

/**
 * One provider call a request made (every retry and fallback is one), in the order made.
 *
 * @param ordinal  1 for the request attempt's first call, then 2, 3, ...: the usage event's step
 * @param verdict  the quality gate's score of the answer; {@code null} for a failed call
 * @param accepted whether its answer is the result's ({@code false} for a draft the gate turned down),
 *                 {@code null} for a failed call
 */
public record CallRecord(int ordinal, ModelSpec model, String provider, ProviderReply reply, long latencyMs,
                         GateVerdict verdict, Boolean accepted) {

    public boolean ok() {
        return reply.isOk();
    }

    /** Billed tokens: what the provider reported (zero for a failure it did not bill). */
    public TokenUsage usage() {
        return reply.usage() == null ? TokenUsage.ZERO : reply.usage();
    }

    /** What the call cost: the provider's stated cost when it gives one, else the tokens at catalog prices. */
    public BigDecimal costUsd() {
        if (reply.billedCostUsd() != null) {
            return reply.billedCostUsd();
        }
        TokenUsage usage = usage();
        return CostCalculator.cost(model, usage.inputTokens(), usage.cachedInputTokens(), usage.outputTokens());
    }

    CallRecord judged(GateVerdict gate) {
        return new CallRecord(ordinal, model, provider, reply, latencyMs, gate, accepted);
    }

    CallRecord decided(boolean taken) {
        return new CallRecord(ordinal, model, provider, reply, latencyMs, verdict, taken);
    }
}
