package dev.switchboard.core.routing;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.LlmRequest;

/** Decides which model(s) serve a classified request, or why none may; a pure function of its inputs. */
public interface RoutingPolicy {

    /**
     * @return a plan, or a rejection ({@code unknown_model}, {@code no_eligible_model}) saying what to change
     */
    RouteDecision decide(LlmRequest request, Classification classification, ModelCatalog catalog);
}
