package dev.switchboard.executor.messaging;

import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.UsageEvent;
import dev.switchboard.core.json.Json;
import dev.switchboard.executor.service.ExecutionOutcome;
import dev.switchboard.messaging.SwitchboardRecords;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Writes an outcome to Kafka: the usage event to {@code llm.usage} and the result to {@code llm.results}. */
@ApplicationScoped
public class OutcomePublisher {

    private final MutinyEmitter<String> results;
    private final MutinyEmitter<String> usage;

    // The buffers only hold what in-flight requests produce (two records each, at most executor.max-in-flight).
    public OutcomePublisher(@Channel("results") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                            MutinyEmitter<String> results,
                            @Channel("usage") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                            MutinyEmitter<String> usage) {
        this.results = results;
        this.usage = usage;
    }

    /**
     * Sends both records; completes when the broker has acknowledged both, fails when either send failed.
     *
     * @param traceparent the incoming W3C trace context, passed on when present
     */
    public CompletionStage<Void> publish(ExecutionOutcome outcome, byte[] traceparent) {
        LlmResult result = outcome.result();
        Uni<Void> sendResult = results.sendMessage(SwitchboardRecords.payload(Json.write(result), result.id(),
                result.id() + ":" + result.attempt(), "LlmResult", LlmResult.SCHEMA_VERSION, traceparent));
        // One usage event per provider call (retries, fallbacks, cascade steps), all acked before the record is.
        List<Uni<Void>> sends = new ArrayList<>();
        for (UsageEvent event : outcome.usage()) {
            sends.add(usage.sendMessage(SwitchboardRecords.payload(Json.write(event), event.tenant(),
                    event.eventId(), "UsageEvent", UsageEvent.SCHEMA_VERSION, traceparent)));
        }
        sends.add(sendResult);
        return Uni.combine().all().unis(sends).discardItems().subscribeAsCompletionStage();
    }
}
