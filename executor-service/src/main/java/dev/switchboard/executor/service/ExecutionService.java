package dev.switchboard.executor.service;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.event.CascadeStep;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.event.RoutedRequest;
import dev.switchboard.core.event.TokenUsage;
import dev.switchboard.core.tokens.TokenCounter;
import dev.switchboard.executor.provider.ChatProvider;
import dev.switchboard.executor.provider.ChatTokens;
import dev.switchboard.executor.provider.ProviderCall;
import dev.switchboard.executor.provider.ProviderErrors;
import dev.switchboard.executor.provider.ProviderRegistry;
import dev.switchboard.executor.provider.ProviderReply;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Runs a routed request: the plan's first step on its catalog model through the adapter that serves it, then the
 * result and usage event it produced. Never completes exceptionally: every failure becomes a failed result.
 */
@ApplicationScoped
public class ExecutionService {

    private final ModelCatalog catalog;
    private final ProviderRegistry providers;
    private final ExecutorMetrics metrics;
    private final ChatTokens tokens;
    private final Clock clock = Clock.systemUTC();

    public ExecutionService(ModelCatalog catalog, ProviderRegistry providers, ExecutorMetrics metrics,
                            TokenCounter counter) {
        this.catalog = catalog;
        this.providers = providers;
        this.metrics = metrics;
        this.tokens = new ChatTokens(counter);
    }

    public CompletionStage<ExecutionOutcome> execute(RoutedRequest routed) {
        LlmRequest request = routed.request();
        String modelId = firstModel(routed.plan());
        if (modelId == null) {
            return failed(request, null, null, ErrorInfo.INVALID_REQUEST, "the plan names no model to run");
        }
        if (request.body() == null || request.body().messages() == null || request.body().messages().isEmpty()) {
            return failed(request, modelId, null, ErrorInfo.INVALID_REQUEST, "the request has no messages");
        }
        Optional<ModelSpec> model = catalog.find(modelId);
        if (model.isEmpty()) {
            return failed(request, modelId, null, ErrorInfo.UNKNOWN_MODEL, "model '" + modelId
                    + "' is not in the executor's catalog");
        }
        Optional<ChatProvider> provider = providers.forModel(model.get());
        if (provider.isEmpty()) {
            String name = model.get().provider();
            return failed(request, modelId, name, ProviderErrors.PROVIDER_UNAVAILABLE, "no live adapter is "
                    + "configured for provider '" + name + "' (model " + modelId + "); configure executor.providers."
                    + name + " or run with executor.provider-mode=simulated");
        }
        int steps = routed.plan().steps() == null ? 1 : routed.plan().steps().size();
        if (steps > 1) {
            Log.debugf("request %s: plan has %d steps, running the first only", request.id(), steps);
        }
        return call(request, model.get(), provider.get());
    }

    private CompletionStage<ExecutionOutcome> call(LlmRequest request, ModelSpec model, ChatProvider provider) {
        ProviderCall call = new ProviderCall(request.id(), request.attemptOrFirst(), model, request.body());
        long started = System.nanoTime();
        CompletionStage<ProviderReply> reply;
        try {
            reply = provider.complete(call);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        return reply
                .exceptionally(bug -> {
                    Log.errorf(bug, "request %s: %s adapter failed", request.id(), provider.name());
                    return ProviderReply.failed(ErrorInfo.PROVIDER_ERROR, provider.name() + " adapter failed: "
                            + bug.getClass().getSimpleName(), null);
                })
                .thenApply(done -> {
                    long nanos = System.nanoTime() - started;
                    metrics.call(provider.name(), model.id(), done.isOk(), nanos);
                    if (!done.isOk()) {
                        Log.warnf("request %s: %s call to %s failed: %s", request.id(), provider.name(), model.id(),
                                done.error().message());
                    }
                    return ExecutionOutcome.called(request, model, catalog.strongest(), provider.name(),
                            withUsage(done, call), TimeUnit.NANOSECONDS.toMillis(nanos), clock.instant());
                });
    }

    /** The reply, with tokens counted here when a server answered without a usage block (never billed as $0). */
    private ProviderReply withUsage(ProviderReply reply, ProviderCall call) {
        if (!reply.isOk() || reply.usage() != null) {
            return reply;
        }
        ModelSpec model = call.model();
        TokenUsage counted = new TokenUsage(tokens.prompt(call.body(), model), 0,
                tokens.text(reply.response().firstText(), model));
        return ProviderReply.ok(reply.response(), counted);
    }

    private CompletionStage<ExecutionOutcome> failed(LlmRequest request, String model, String provider, String code,
                                                     String message) {
        Log.warnf("request %s not run: %s", request.id(), message);
        return CompletableFuture.completedFuture(ExecutionOutcome.notCalled(request, model, provider,
                new ErrorInfo(code, message), clock.instant()));
    }

    /** The first step's model, else the plan's primary model. */
    private static String firstModel(RoutePlan plan) {
        if (plan == null) {
            return null;
        }
        List<CascadeStep> steps = plan.steps();
        if (steps != null && !steps.isEmpty() && steps.get(0) != null && steps.get(0).model() != null) {
            return steps.get(0).model();
        }
        return plan.primaryModel();
    }
}
