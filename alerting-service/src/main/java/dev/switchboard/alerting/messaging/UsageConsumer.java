package dev.switchboard.alerting.messaging;

import dev.switchboard.alerting.service.CostPerHourWatch;
import dev.switchboard.core.event.UsageEvent;
import dev.switchboard.core.json.Json;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code llm.usage}, runs the rules and publishes what they fire; a record is acknowledged once its alert
 * is on {@code llm.alerts}. A record that is not a usage event makes this method throw, sending it to
 * {@code llm.dlq}.
 */
@ApplicationScoped
public class UsageConsumer {

    private final CostPerHourWatch costPerHour;
    private final AlertPublisher publisher;

    public UsageConsumer(CostPerHourWatch costPerHour, AlertPublisher publisher) {
        this.costPerHour = costPerHour;
        this.publisher = publisher;
    }

    @Incoming("usage")
    public Uni<Void> consume(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("not a valid UsageEvent: the record has no value");
        }
        UsageEvent event = Json.read(json, UsageEvent.class);
        return costPerHour.observe(event).map(publisher::publish).orElseGet(() -> Uni.createFrom().voidItem());
    }
}
