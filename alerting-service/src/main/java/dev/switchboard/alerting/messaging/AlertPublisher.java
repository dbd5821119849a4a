package dev.switchboard.alerting.messaging;

import dev.switchboard.core.event.Alert;
import dev.switchboard.core.event.Headers;
import dev.switchboard.core.json.Json;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;

/** Writes alerts to {@code llm.alerts}, keyed by rule and scope, and counts them by rule. */
@ApplicationScoped
public class AlertPublisher {

    /** Alerts published, by rule. */
    public static final String FIRED = "switchboard.alerts.fired";

    private final MutinyEmitter<String> alerts;
    private final MeterRegistry registry;

    public AlertPublisher(@Channel("alerts") MutinyEmitter<String> alerts, MeterRegistry registry) {
        this.alerts = alerts;
        this.registry = registry;
    }

    /** Sends {@code alert}; the returned Uni completes when the broker has it. */
    public Uni<Void> publish(Alert alert) {
        registry.counter(FIRED, "rule", alert.rule()).increment();
        RecordHeaders headers = new RecordHeaders();
        headers.add(Headers.EVENT_ID, bytes(alert.alertId()));
        headers.add(Headers.EVENT_TYPE, bytes(Alert.class.getSimpleName()));
        headers.add(Headers.SCHEMA_VERSION, bytes(String.valueOf(alert.schemaVersion())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(alert.key()).withHeaders(headers).build();
        return alerts.sendMessage(Message.of(Json.write(alert)).addMetadata(metadata));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
