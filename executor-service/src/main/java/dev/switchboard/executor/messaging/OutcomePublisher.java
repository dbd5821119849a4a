package dev.switchboard.executor.messaging;

import dev.switchboard.core.event.Headers;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.UsageEvent;
import dev.switchboard.core.json.Json;
import dev.switchboard.executor.service.ExecutionOutcome;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.nio.charset.StandardCharsets;
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
        Uni<Void> sendResult = results.sendMessage(record(result.id(), result,
                result.id() + ":" + result.attempt(), "LlmResult", LlmResult.SCHEMA_VERSION, traceparent));
        UsageEvent event = outcome.usage();
        if (event == null) {
            return sendResult.subscribeAsCompletionStage();
        }
        Uni<Void> sendUsage = usage.sendMessage(record(event.tenant(), event, event.eventId(), "UsageEvent",
                UsageEvent.SCHEMA_VERSION, traceparent));
        return Uni.combine().all().unis(sendUsage, sendResult).discardItems().subscribeAsCompletionStage();
    }

    private static Message<String> record(String key, Object payload, String eventId, String type, int version,
                                          byte[] traceparent) {
        List<RecordHeader> headers = new ArrayList<>(4);
        headers.add(header(Headers.EVENT_ID, eventId));
        headers.add(header(Headers.EVENT_TYPE, type));
        headers.add(header(Headers.SCHEMA_VERSION, String.valueOf(version)));
        if (traceparent != null) {
            headers.add(new RecordHeader(Headers.TRACEPARENT, traceparent));
        }
        return Message.of(Json.write(payload)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(headers)
                .build());
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
