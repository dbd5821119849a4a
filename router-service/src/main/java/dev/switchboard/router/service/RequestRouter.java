package dev.switchboard.router.service;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.event.ClassifiedRequest;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.event.RoutedRequest;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.routing.RouteDecision;
import dev.switchboard.core.routing.RoutingPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Decides what becomes of one {@code llm.requests.classified} record: a routed request, a rejected result, or
 * a dead letter when the record cannot be read.
 */
@ApplicationScoped
public class RequestRouter {

    /** Counter of planned requests, tagged {@code model} (the primary) and {@code strategy}. */
    public static final String ROUTED_METRIC = "switchboard.requests.routed";
    /** Counter of requests the policy rejected, tagged {@code code}. */
    public static final String REJECTED_METRIC = "switchboard.requests.rejected";

    private final RoutingPolicy policy;
    private final ModelCatalog catalog;
    private final MeterRegistry registry;

    public RequestRouter(RoutingPolicy policy, ModelCatalog catalog, MeterRegistry registry) {
        this.policy = policy;
        this.catalog = catalog;
        this.registry = registry;
    }

    /** What to write for a record. */
    public sealed interface Outcome {
    }

    /** The request with its plan, for {@code llm.requests.routed}. */
    public record Routed(RoutedRequest request) implements Outcome {
    }

    /** The request's terminal result, for {@code llm.results}: no model may serve it. */
    public record Rejected(LlmResult result) implements Outcome {
    }

    /** A record the router cannot read; only the dead-letter topic can take it. */
    public record DeadLetter(String reason) implements Outcome {
    }

    public Outcome route(String raw) {
        ClassifiedRequest classified;
        try {
            classified = Json.read(raw, ClassifiedRequest.class);
        } catch (IllegalArgumentException e) {
            return new DeadLetter(e.getMessage());
        }
        String problem = problem(classified);
        if (problem != null) {
            return new DeadLetter(problem);
        }
        LlmRequest request = classified.request();
        RouteDecision decision = policy.decide(request, classified.classification(), catalog);
        if (decision instanceof RouteDecision.Routed routed) {
            RoutePlan plan = routed.plan();
            counter(ROUTED_METRIC, "model", plan.primaryModel(), "strategy", plan.strategy().wire()).increment();
            return new Routed(new RoutedRequest(RoutedRequest.SCHEMA_VERSION, request, classified.classification(),
                    plan));
        }
        RouteDecision.Rejected rejected = (RouteDecision.Rejected) decision;
        counter(REJECTED_METRIC, "code", rejected.error().code()).increment();
        return new Rejected(LlmResult.rejected(request.id(), request.attemptOrFirst(), request.tenant(),
                rejected.error(), Instant.now()));
    }

    /** What makes a parsed record unusable: the classifier always writes a request id and a classification. */
    private static String problem(ClassifiedRequest classified) {
        if (classified == null || classified.request() == null) {
            return "classified record has no 'request'";
        }
        if (classified.request().id() == null || classified.request().id().isBlank()) {
            return "classified record has no 'request.id'";
        }
        if (classified.classification() == null) {
            return "classified record has no 'classification'";
        }
        return null;
    }

    private Counter counter(String name, String... tags) {
        return Counter.builder(name).tags(tags).register(registry);
    }
}
