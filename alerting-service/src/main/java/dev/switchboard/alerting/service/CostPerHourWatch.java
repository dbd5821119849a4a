package dev.switchboard.alerting.service;

import dev.switchboard.alerting.config.AlertingConfig;
import dev.switchboard.core.alerting.HourlyCostRule;
import dev.switchboard.core.event.Alert;
import dev.switchboard.core.event.UsageEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Optional;

/** Feeds usage events to the configured {@link HourlyCostRule} and hands back the alerts it fires. */
@ApplicationScoped
public class CostPerHourWatch {

    private final boolean enabled;
    private final HourlyCostRule rule;
    private final Clock clock = Clock.systemUTC();

    public CostPerHourWatch(AlertingConfig config) {
        AlertingConfig.CostPerHour settings = config.costPerHour();
        this.enabled = settings.enabled();
        this.rule = new HourlyCostRule(settings.thresholdUsd(), settings.retainedHours());
    }

    /**
     * Adds the event's cost to its tenant-hour.
     *
     * @return the alert when this event takes the tenant-hour above the threshold
     * @throws IllegalArgumentException when the event lacks the tenant, time or cost the rule needs
     */
    public synchronized Optional<Alert> observe(UsageEvent event) {
        if (event.tenant() == null || event.occurredAt() == null || event.costUsd() == null) {
            throw new IllegalArgumentException("usage event " + event.eventId()
                    + " lacks tenant, occurred_at or cost_usd, which the cost-per-hour rule needs");
        }
        return enabled ? rule.observe(event, clock.instant()) : Optional.empty();
    }
}
