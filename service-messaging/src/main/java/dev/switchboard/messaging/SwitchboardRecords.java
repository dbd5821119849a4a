package dev.switchboard.messaging;

import dev.switchboard.core.event.Headers;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.nio.charset.StandardCharsets;

/**
 * The Kafka records Switchboard's services write: a JSON payload with its key and {@code sb-event-*} headers,
 * dead-letter metadata, and the rule that an incoming record is acked only once what it produced is on Kafka.
 */
public final class SwitchboardRecords {

    private SwitchboardRecords() {
    }

    /** A JSON payload with its key and the {@code sb-event-*} headers. */
    public static Message<String> payload(String json, String key, String eventId, String eventType,
                                          int schemaVersion) {
        return payload(json, key, eventId, eventType, schemaVersion, null);
    }

    /** The same, passing on the caller's W3C {@code traceparent} when it sent one. */
    public static Message<String> payload(String json, String key, String eventId, String eventType,
                                          int schemaVersion, byte[] traceparent) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, Headers.EVENT_ID, eventId);
        add(headers, Headers.EVENT_TYPE, eventType);
        add(headers, Headers.SCHEMA_VERSION, String.valueOf(schemaVersion));
        if (traceparent != null) {
            headers.add(Headers.TRACEPARENT, traceparent);
        }
        return Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(headers)
                .build());
    }

    /**
     * Nack metadata for SmallRye's dead-letter handler: it adds these headers to its own {@code dead-letter-*}
     * ones, so operators find the reason under Switchboard's header names too.
     */
    public static Metadata deadLetter(String reason, String sourceTopic, String service) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, Headers.DLQ_REASON, reason);
        add(headers, Headers.DLQ_SOURCE_TOPIC, sourceTopic);
        add(headers, Headers.DLQ_SERVICE, service);
        return Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
    }

    /** Acks {@code in} when the broker has {@code out}; a failed send nacks it (to the dead-letter topic). */
    public static Uni<Void> sendThenAck(MutinyEmitter<String> emitter, Message<String> out, Message<?> in) {
        return emitter.sendMessage(out)
                .onItemOrFailure().transformToUni((ok, failure) -> Uni.createFrom().completionStage(
                        failure == null ? in.ack() : in.nack(failure)));
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
