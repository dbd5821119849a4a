package dev.switchboard.executor.resilience;

import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.TokenUsage;
import dev.switchboard.core.tokens.TokenCounter;
import dev.switchboard.executor.config.ExecutorConfig;
import dev.switchboard.executor.provider.ChatTokens;
import dev.switchboard.executor.provider.ProviderCall;
import dev.switchboard.executor.provider.ProviderErrors;
import dev.switchboard.executor.provider.ProviderReply;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/** Calls one model behind its circuit breaker and rate limit, with retries, backoff and the request deadline. */
@Singleton
public class GuardedCaller {

    /** The stable code of a model skipped because its circuit is open. */
    public static final String CIRCUIT_OPEN = "circuit_open";

    /** Reply tokens reserved against a TPM limit when the request sets no {@code max_tokens}. */
    static final int DEFAULT_OUTPUT_ESTIMATE = 4096;

    // Not retryable, but they say the model (or the account) is unusable for every request, not just this one.
    private static final Set<String> MODEL_LEVEL = Set.of(ProviderErrors.AUTH_ERROR, ProviderErrors.MODEL_NOT_FOUND,
            ProviderErrors.QUOTA_EXCEEDED);

    private final ResiliencePolicy policy;
    private final DelayScheduler scheduler;
    private final DoubleSupplier jitter;
    private final ChatTokens tokens;
    private final CircuitBreakers breakers;
    private final RateLimiters limits;
    private final ResilienceMetrics metrics;

    @Inject
    public GuardedCaller(ExecutorConfig config, TokenCounter counter, MeterRegistry registry) {
        this(ResiliencePolicy.from(config.resilience()), new TimerDelayScheduler(),
                () -> ThreadLocalRandom.current().nextDouble(), new ChatTokens(counter), registry);
    }

    /**
     * @param jitter uniform draws in [0, 1) for the backoff's jitter
     */
    public GuardedCaller(ResiliencePolicy policy, DelayScheduler scheduler, DoubleSupplier jitter, ChatTokens tokens,
                         MeterRegistry registry) {
        this.policy = policy;
        this.scheduler = scheduler;
        this.jitter = jitter;
        this.tokens = tokens;
        this.metrics = new ResilienceMetrics(registry);
        this.breakers = new CircuitBreakers(policy.breaker(), metrics);
        this.limits = new RateLimiters(policy.rateLimits(), scheduler.nanoTime());
    }

    /** The clock deadlines and latencies are measured on. */
    public long nanoTime() {
        return scheduler.nanoTime();
    }

    ResilienceMetrics metrics() {
        return metrics;
    }

    /** Tries one model until it answers, is exhausted, or the request runs out of time; never fails. */
    CompletionStage<ModelOutcome> call(Target target, ProviderCall call, Deadline deadline, CallLog log) {
        return attempt(new ModelRun(target, call, deadline, log, estimate(target, call)), 0);
    }

    private CompletionStage<ModelOutcome> attempt(ModelRun run, int retry) {
        long now = scheduler.nanoTime();
        if (run.deadline().passed(now)) {
            return done(ModelOutcome.outOfTime(new ErrorInfo(ErrorInfo.TIMEOUT, "max_latency_ms="
                    + run.deadline().budgetMs() + " reached before calling " + run.key())));
        }
        if (!breakers.tryAcquire(run.key(), now)) {
            metrics.gaveUp(run.provider(), run.model().id(), CIRCUIT_OPEN);
            return done(ModelOutcome.exhausted(new ErrorInfo(CIRCUIT_OPEN, "circuit open for " + run.key()
                    + " after repeated failures; not called")));
        }
        OptionalLong wait = limits.tryReserve(run.key(), now, run.estimatedTokens(),
                run.deadline().remainingNanos(now) - 1);
        if (wait.isEmpty()) {
            breakers.released(run.key(), now);
            return done(ModelOutcome.exhausted(new ErrorInfo(ErrorInfo.TIMEOUT, "max_latency_ms="
                    + run.deadline().budgetMs() + " leaves too little time to wait for the rate limit of "
                    + run.key())));
        }
        if (wait.getAsLong() > 0) {
            metrics.rateLimitWait(run.provider(), run.model().id(), wait.getAsLong());
        }
        return scheduler.after(Duration.ofNanos(wait.getAsLong()))
                .thenCompose(ignored -> DeadlineRace.run(run, scheduler))
                .thenCompose(timed -> afterReply(run, retry, timed));
    }

    private CompletionStage<ModelOutcome> afterReply(ModelRun run, int retry, DeadlineRace.Timed timed) {
        long now = scheduler.nanoTime();
        ProviderReply reply = withCountedUsage(timed.reply(), run.call());
        CallRecord record = new CallRecord(run.log().nextOrdinal(), run.model(), run.provider(), reply,
                TimeUnit.NANOSECONDS.toMillis(timed.nanos()), null, null);
        run.log().add(record);
        if (timed.cutByDeadline()) {
            breakers.released(run.key(), now); // says nothing about the provider's health
            return done(ModelOutcome.outOfTime(reply.error()));
        }
        TokenUsage used = record.usage();
        limits.settle(run.key(), now, run.estimatedTokens(), used.inputTokens() + used.outputTokens());
        if (reply.isOk()) {
            breakers.succeeded(run.key(), now);
            return done(ModelOutcome.answered(record));
        }
        String code = reply.error().code();
        boolean retryable = ProviderErrors.isRetryable(code);
        if (retryable || MODEL_LEVEL.contains(code)) {
            breakers.failed(run.key(), now);
        } else {
            breakers.succeeded(run.key(), now); // a client error: the provider is well and answered properly
        }
        Duration wait = retryable && retry < policy.maxRetries() ? backoff(run, reply, now, retry + 1) : null;
        if (wait == null) {
            metrics.gaveUp(run.provider(), run.model().id(), code);
            return done(ModelOutcome.exhausted(reply.error()));
        }
        metrics.retry(run.provider(), run.model().id(), code);
        Log.debugf("request %s: %s failed with %s, retry %d in %d ms", run.call().requestId(), run.key(), code,
                retry + 1, wait.toMillis());
        return scheduler.after(wait).thenCompose(ignored -> attempt(run, retry + 1));
    }

    /** The wait before retry number {@code retry}, or {@code null} when waiting is pointless or past the deadline. */
    private Duration backoff(ModelRun run, ProviderReply reply, long now, int retry) {
        Duration retryAfter = reply.retryAfter();
        if (retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
            Log.infof("request %s: %s asks to retry after %d s, more than executor.resilience.max-retry-after; "
                    + "moving on", run.call().requestId(), run.key(), retryAfter.toSeconds());
            return null;
        }
        Duration remaining = run.deadline().remaining(now);
        Duration wait = policy.backoff().wait(retry, retryAfter, remaining, jitter.getAsDouble());
        return remaining != null && wait.compareTo(remaining) >= 0 ? null : wait;
    }

    private ProviderReply withCountedUsage(ProviderReply reply, ProviderCall call) {
        // A server that answered without a usage block is never billed as $0: count the tokens here.
        if (!reply.isOk() || reply.usage() != null || reply.response() == null) {
            return reply;
        }
        ModelSpec model = call.model();
        TokenUsage counted = new TokenUsage(tokens.prompt(call.body(), model), 0,
                tokens.text(reply.response().firstText(), model));
        return new ProviderReply(reply.response(), counted, null, reply.httpStatus(), null, reply.billedCostUsd());
    }

    /** Tokens reserved against a TPM limit: the prompt plus the most the reply may take; 0 when unlimited. */
    private long estimate(Target target, ProviderCall call) {
        if (!limits.limits(target.key())) {
            return 0;
        }
        Integer maxTokens = call.body() == null ? null : call.body().maxTokens();
        int output = maxTokens != null && maxTokens > 0 ? maxTokens
                : Math.min(call.model().maxOutputTokens(), DEFAULT_OUTPUT_ESTIMATE);
        return (long) tokens.prompt(call.body(), call.model()) + output;
    }

    private static CompletionStage<ModelOutcome> done(ModelOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    @PreDestroy
    void close() {
        if (scheduler instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                Log.debugf("closing the resilience timer: %s", e.getMessage());
            }
        }
    }
}
