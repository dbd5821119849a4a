package dev.switchboard.core;

import java.util.List;

/**
 * Every Kafka topic of Switchboard, with its key and payload, so the whole flow reads in one file.
 */
public final class Topics {

    /** Public input. Key: request id. Value: {@link dev.switchboard.core.event.LlmRequest}. */
    public static final String REQUESTS = "llm.requests";
    /** Key: tenant. Value: {@link dev.switchboard.core.event.ClassifiedRequest}. */
    public static final String REQUESTS_CLASSIFIED = "llm.requests.classified";
    /** Key: request id. Value: {@link dev.switchboard.core.event.RoutedRequest}. */
    public static final String REQUESTS_ROUTED = "llm.requests.routed";
    /** Public output. Key: request id. Value: {@link dev.switchboard.core.event.LlmResult}. */
    public static final String RESULTS = "llm.results";
    /** Key: tenant. Value: {@link dev.switchboard.core.event.UsageEvent}, one per provider call or cache hit. */
    public static final String USAGE = "llm.usage";
    /** Compacted. Key: budget scope. Value: {@link dev.switchboard.core.event.BudgetState}. */
    public static final String BUDGET_STATE = "llm.budget-state";
    /** Key: rule + scope. Value: {@link dev.switchboard.core.event.Alert}. */
    public static final String ALERTS = "llm.alerts";
    /** Key: the original key. Value: the original bytes; the reason travels in headers. */
    public static final String DLQ = "llm.dlq";

    /** All topics, in flow order. */
    public static final List<String> ALL = List.of(
            REQUESTS, REQUESTS_CLASSIFIED, REQUESTS_ROUTED, RESULTS, USAGE, BUDGET_STATE, ALERTS, DLQ);

    private Topics() {
    }
}
