package dev.switchboard.alerting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/** Settings of the alerting service: one block per rule. */
@ConfigMapping(prefix = "alerting")
public interface AlertingConfig {

    /** The cost-per-hour threshold rule, per tenant. */
    CostPerHour costPerHour();

    /** Settings of the cost-per-hour rule. */
    interface CostPerHour {

        /** Whether the rule runs at all. */
        @WithDefault("true")
        boolean enabled();

        /** A tenant's spend in one clock hour (UTC) above this many USD fires an alert, once per hour. */
        @WithDefault("5.00")
        BigDecimal thresholdUsd();

        /** Hour buckets kept per tenant, the current one included; events for older hours are ignored. */
        @WithDefault("2")
        int retainedHours();
    }
}
