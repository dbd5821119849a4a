package dev.switchboard.router.messaging;

import dev.switchboard.core.event.Headers;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.nio.charset.StandardCharsets;

/** Builds the Kafka records the router writes: key and Switchboard headers on every payload. */
final class KafkaRecords {

    static final String SERVICE = "router";

    private KafkaRecords() {
    }

    /** A JSON payload with its key and the {@code sb-event-*} headers. */
    static Message<String> payload(String json, String key, String eventId, String eventType, int schemaVersion) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, Headers.EVENT_ID, eventId);
        add(headers, Headers.EVENT_TYPE, eventType);
        add(headers, Headers.SCHEMA_VERSION, String.valueOf(schemaVersion));
        return Message.of(json).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(headers)
                .build());
    }

    /**
     * Nack metadata for SmallRye's dead-letter handler: it adds these headers to its own {@code dead-letter-*}
     * ones, so operators find the reason under Switchboard's header names too.
     */
    static Metadata deadLetter(String reason, String sourceTopic) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, Headers.DLQ_REASON, reason);
        add(headers, Headers.DLQ_SOURCE_TOPIC, sourceTopic);
        add(headers, Headers.DLQ_SERVICE, SERVICE);
        return Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
