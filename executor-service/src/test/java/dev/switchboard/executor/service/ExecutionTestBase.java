package dev.switchboard.executor.service;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.event.CascadeStep;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.event.RoutedRequest;
import dev.switchboard.core.event.RoutingHints;
import dev.switchboard.core.event.TaskType;
import dev.switchboard.core.resilience.Backoff;
import dev.switchboard.core.resilience.CircuitBreaker;
import dev.switchboard.core.tokens.TokenCounter;
import dev.switchboard.executor.provider.ChatTokens;
import dev.switchboard.executor.resilience.GuardedCaller;
import dev.switchboard.executor.resilience.ManualScheduler;
import dev.switchboard.executor.resilience.PlanRunner;
import dev.switchboard.executor.resilience.ResiliencePolicy;
import dev.switchboard.executor.resilience.ScriptedProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Fake providers on a hand-wound clock behind a real {@link ExecutionService}, for the executor's flow tests. */
abstract class ExecutionTestBase {

    static final String DRAFTER = "gpt-4.1-nano";
    static final String PRIMARY = "gpt-4.1-mini";
    static final String FALLBACK = "gemini-2.0-flash";
    static final String GOOD = "To reset your password, open Settings, choose Security and follow the link "
            + "we email you; it expires after 30 minutes.";
    static final Duration BASE_DELAY = Duration.ofMillis(100);

    final ManualScheduler time = new ManualScheduler();
    final ModelCatalog catalog = ModelCatalog.builtIn();
    final Map<String, ScriptedProvider> providers = new HashMap<>();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ExecutionService service = service(policy(2, Map.of()));

    ExecutionOutcome run(RoutedRequest routed) {
        CompletableFuture<ExecutionOutcome> outcome = start(routed);
        time.runUntilIdle();
        assertThat(outcome).as("finished once every timer fired").isDone();
        return outcome.join();
    }

    CompletableFuture<ExecutionOutcome> start(RoutedRequest routed) {
        return service.execute(routed).toCompletableFuture();
    }

    List<Duration> elapsedBetweenCalls(String model) {
        List<Long> times = provider(model).callTimes();
        return IntStream.range(1, times.size())
                .mapToObj(i -> Duration.ofNanos(times.get(i) - times.get(i - 1))).toList();
    }

    ScriptedProvider provider(String model) {
        return providers.computeIfAbsent(model, ignored -> new ScriptedProvider("fake", time));
    }

    ExecutionService service(ResiliencePolicy policy) {
        GuardedCaller caller = new GuardedCaller(policy, time, () -> 0.5, new ChatTokens(new TokenCounter()),
                registry);
        return new ExecutionService(catalog, model -> Optional.ofNullable(providers.get(model.id())),
                new PlanRunner(caller), new ExecutorMetrics(registry),
                Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
    }

    /** Opens after 3 failures in a row; 100 ms backoff doubling, no jitter, 30 s cool-down. */
    static ResiliencePolicy policy(int maxRetries, Map<String, ResiliencePolicy.Quota> limits) {
        return new ResiliencePolicy(maxRetries, new Backoff(BASE_DELAY, Duration.ofSeconds(2), Backoff.Jitter.NONE),
                Duration.ofSeconds(60), new CircuitBreaker.Settings(3, 0.5, 20, Duration.ofSeconds(60),
                Duration.ofSeconds(30)), limits);
    }

    static RoutePlan plan(String model, String... fallbacks) {
        return new RoutePlan(model, List.of(new CascadeStep(model, null, null)), List.of(fallbacks), null, null,
                null, null, "test plan");
    }

    static RoutePlan cascade() {
        return new RoutePlan(DRAFTER, List.of(new CascadeStep(DRAFTER, null, 0.7), new CascadeStep(PRIMARY, null,
                null)), List.of(), null, null, null, null, "cascade");
    }

    static RoutedRequest routed(String id, RoutePlan plan) {
        return routed(id, plan, null, TaskType.CHAT);
    }

    static RoutedRequest routed(String id, RoutePlan plan, Long maxLatencyMs, TaskType task) {
        LlmRequest request = new LlmRequest(LlmRequest.SCHEMA_VERSION, id, null, "acme", "support-bot", "alice",
                "faq", Map.of(), new ChatRequest(List.of(ChatMessage.of("user", "How do I reset my password?")),
                200, null, null, null), new RoutingHints(null, null, null, maxLatencyMs, null, null, null, null),
                Instant.parse("2026-11-21T12:00:00Z"));
        Classification classification = task == null ? null
                : new Classification(task, "general", null, 10, 50, Map.of(), List.of(), "test");
        return new RoutedRequest(RoutedRequest.SCHEMA_VERSION, request, classification, plan);
    }
}
