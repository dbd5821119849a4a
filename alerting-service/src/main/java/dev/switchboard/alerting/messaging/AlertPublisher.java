package dev.switchboard.alerting.messaging;

import dev.switchboard.core.event.Alert;
import dev.switchboard.core.json.Json;
import dev.switchboard.messaging.SwitchboardRecords;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

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
        return alerts.sendMessage(SwitchboardRecords.payload(Json.write(alert), alert.key(), alert.alertId(),
                Alert.class.getSimpleName(), alert.schemaVersion()));
    }
}
