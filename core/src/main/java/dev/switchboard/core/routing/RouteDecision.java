package dev.switchboard.core.routing;

import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.RoutePlan;

/** What a {@link RoutingPolicy} decided: a plan to run, or a rejection to send back to the caller. */
public sealed interface RouteDecision {

    /** The request goes ahead with this plan. */
    record Routed(RoutePlan plan) implements RouteDecision {
    }

    /** No model may serve the request; {@code error} says why in a stable code and a message for people. */
    record Rejected(ErrorInfo error) implements RouteDecision {
    }

    static Routed routed(RoutePlan plan) {
        return new Routed(plan);
    }

    static Rejected rejected(String code, String message) {
        return new Rejected(new ErrorInfo(code, message));
    }
}
