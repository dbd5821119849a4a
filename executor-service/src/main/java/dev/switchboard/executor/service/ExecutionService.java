package dev.switchboard.executor.service;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.CascadeStep;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.event.RoutedRequest;
import dev.switchboard.core.event.TaskType;
import dev.switchboard.core.policy.LiveCascade;
import dev.switchboard.executor.provider.ChatProvider;
import dev.switchboard.executor.provider.ProviderErrors;
import dev.switchboard.executor.provider.ProviderRegistry;
import dev.switchboard.executor.resilience.CallRecord;
import dev.switchboard.executor.resilience.Deadline;
import dev.switchboard.executor.resilience.PlanResult;
import dev.switchboard.executor.resilience.PlanRunner;
import dev.switchboard.executor.resilience.PlanRunner.Resolution;
import dev.switchboard.executor.resilience.PlanRunner.Stage;
import dev.switchboard.executor.resilience.Target;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Runs a routed request's plan resiliently and turns the calls into a result and usage events; never fails. */
@ApplicationScoped
public class ExecutionService {

    private final ModelCatalog catalog;
    private final Function<ModelSpec, Optional<ChatProvider>> providers;
    private final PlanRunner runner;
    private final ExecutorMetrics metrics;
    private final Clock clock;

    @Inject
    public ExecutionService(ModelCatalog catalog, ProviderRegistry providers, PlanRunner runner,
                            ExecutorMetrics metrics) {
        this(catalog, providers::forModel, runner, metrics, Clock.systemUTC());
    }

    /** @param providers the adapter serving a model, empty when none is configured for its provider */
    public ExecutionService(ModelCatalog catalog, Function<ModelSpec, Optional<ChatProvider>> providers,
                            PlanRunner runner, ExecutorMetrics metrics, Clock clock) {
        this.catalog = catalog;
        this.providers = providers;
        this.runner = runner;
        this.metrics = metrics;
        this.clock = clock;
    }

    public CompletionStage<ExecutionOutcome> execute(RoutedRequest routed) {
        LlmRequest request = routed.request();
        List<Stage> stages = stages(routed.plan());
        if (stages.isEmpty()) {
            return failed(request, null, null, ErrorInfo.INVALID_REQUEST, "the plan names no model to run");
        }
        if (request.body() == null || request.body().messages() == null || request.body().messages().isEmpty()) {
            return failed(request, stages.get(0).models().get(0), null, ErrorInfo.INVALID_REQUEST,
                    "the request has no messages");
        }
        LiveCascade learned = null;
        if (routed.plan().acceptance() != null) {
            try {
                learned = LiveCascade.of(Objects.requireNonNullElse(routed.plan().steps(), List.<CascadeStep>of()).stream()
                        .map(CascadeStep::model).toList(),
                        routed.plan().acceptance(), request, routed.classification());
            } catch (IllegalArgumentException e) {
                return failed(request, stages.get(0).models().get(0), null, ErrorInfo.INVALID_REQUEST,
                        "the plan's learned acceptance does not fit its steps: " + e.getMessage());
            }
        }
        TaskType task = routed.classification() == null ? null : routed.classification().taskType();
        long started = runner.nanoTime();
        Long budget = request.hintsOrDefaults().maxLatencyMs();
        Deadline deadline = new Deadline(started, budget != null && budget > 0 ? budget : null);
        CompletionStage<PlanResult> run;
        try {
            run = runner.run(request, task, stages, this::resolve, deadline, learned);
        } catch (RuntimeException bug) {
            run = CompletableFuture.failedFuture(bug);
        }
        return run.thenApply(plan -> outcome(request, plan, started))
                .exceptionally(bug -> {
                    Log.errorf(bug, "request %s: execution failed", request.id());
                    return ExecutionOutcome.notCalled(request, stages.get(0).models().get(0), null,
                            new ErrorInfo(ErrorInfo.PROVIDER_ERROR, "the executor failed: "
                                    + bug.getClass().getSimpleName()), clock.instant());
                });
    }

    private ExecutionOutcome outcome(LlmRequest request, PlanResult plan, long started) {
        for (CallRecord call : plan.calls()) {
            metrics.call(call.provider(), call.model().id(), call.ok(),
                    TimeUnit.MILLISECONDS.toNanos(call.latencyMs()));
        }
        if (!plan.ok()) {
            Log.warnf("request %s failed after %d call(s): %s: %s", request.id(), plan.calls().size(),
                    plan.error().code(), plan.error().message());
        }
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(runner.nanoTime() - started);
        return ExecutionOutcome.of(request, plan, catalog.strongest(), latencyMs, clock.instant());
    }

    /** A model's target, or why it cannot be called: not in the catalog, or no adapter for its provider. */
    private Resolution resolve(String modelId) {
        Optional<ModelSpec> model = catalog.find(modelId);
        if (model.isEmpty()) {
            return Resolution.unavailable(new ErrorInfo(ErrorInfo.UNKNOWN_MODEL, "model '" + modelId
                    + "' is not in the executor's catalog"), null);
        }
        Optional<ChatProvider> provider = providers.apply(model.get());
        if (provider.isEmpty()) {
            String name = model.get().provider();
            return Resolution.unavailable(new ErrorInfo(ProviderErrors.PROVIDER_UNAVAILABLE, "no live adapter is "
                    + "configured for provider '" + name + "' (model " + modelId + "); configure executor.providers."
                    + name + " or run with executor.provider-mode=simulated"), name);
        }
        return Resolution.of(new Target(model.get(), provider.get()));
    }

    private CompletionStage<ExecutionOutcome> failed(LlmRequest request, String model, String provider, String code,
                                                     String message) {
        Log.warnf("request %s not run: %s", request.id(), message);
        return CompletableFuture.completedFuture(ExecutionOutcome.notCalled(request, model, provider,
                new ErrorInfo(code, message), clock.instant()));
    }

    /**
     * The plan as stages: one per cascade step (else the primary model alone), the plan's fallbacks after the
     * last step's model.
     */
    static List<Stage> stages(RoutePlan plan) {
        if (plan == null) {
            return List.of();
        }
        List<CascadeStep> steps = plan.steps() == null ? List.of() : plan.steps().stream()
                .filter(step -> step != null && step.model() != null && !step.model().isBlank())
                .toList();
        if (steps.isEmpty()) {
            if (plan.primaryModel() == null || plan.primaryModel().isBlank()) {
                return List.of();
            }
            steps = List.of(new CascadeStep(plan.primaryModel(), null, null));
        }
        List<String> fallbacks = plan.fallbacks() == null ? List.of()
                : plan.fallbacks().stream().filter(Objects::nonNull).toList();
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            List<String> models = new ArrayList<>(List.of(steps.get(i).model()));
            if (i == steps.size() - 1) {
                models.addAll(fallbacks);
            }
            stages.add(new Stage(models, steps.get(i).acceptThreshold()));
        }
        return stages;
    }
}
