package dev.switchboard.core.alerting;

import dev.switchboard.core.event.Alert;
import dev.switchboard.core.event.AlertStatus;
import dev.switchboard.core.event.UsageEvent;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cost-per-hour threshold rule: sums each tenant's spend per clock hour (UTC, by the event's
 * {@code occurred_at}) and fires once per tenant-hour when the sum goes above the threshold. Not thread-safe.
 */
public final class HourlyCostRule {

    /** The rule name on alerts, and the first half of their Kafka key. */
    public static final String NAME = "cost-per-hour";

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    private final BigDecimal thresholdUsd;
    private final int retainedHours;
    private final Map<String, TenantHours> tenants = new HashMap<>();

    /**
     * @param thresholdUsd  an hour's spend strictly above this fires
     * @param retainedHours hour buckets kept per tenant, the newest one included; an event for an older hour
     *                      than these is late and ignored, so an hour that fired never fires again
     */
    public HourlyCostRule(BigDecimal thresholdUsd, int retainedHours) {
        Objects.requireNonNull(thresholdUsd, "thresholdUsd");
        if (thresholdUsd.signum() < 0) {
            throw new IllegalArgumentException("threshold must not be negative: " + thresholdUsd.toPlainString());
        }
        if (retainedHours < 1) {
            throw new IllegalArgumentException("retainedHours must be at least 1: " + retainedHours);
        }
        this.thresholdUsd = thresholdUsd;
        this.retainedHours = retainedHours;
    }

    /** {@link #observe(String, Instant, BigDecimal, Instant)} for one usage event. */
    public Optional<Alert> observe(UsageEvent event, Instant now) {
        return observe(event.tenant(), event.occurredAt(), event.costUsd(), now);
    }

    /**
     * Adds one call's cost to its tenant-hour.
     *
     * @param now when the decision is made; becomes the alert's {@code at}
     * @return the alert when this cost takes the tenant-hour above the threshold for the first time
     */
    public Optional<Alert> observe(String tenant, Instant occurredAt, BigDecimal costUsd, Instant now) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(costUsd, "costUsd");
        Instant hour = occurredAt.truncatedTo(ChronoUnit.HOURS);
        HourSpend spend = tenants.computeIfAbsent(tenant, t -> new TenantHours()).bucket(hour, retainedHours);
        if (spend == null) {
            return Optional.empty();
        }
        spend.sum = spend.sum.add(costUsd);
        if (spend.fired || spend.sum.compareTo(thresholdUsd) <= 0) {
            return Optional.empty();
        }
        spend.fired = true;
        return Optional.of(alert(tenant, hour, spend.sum, now));
    }

    /** Tenant-hour buckets held right now (at most tenants × retained hours). */
    public int bucketCount() {
        return tenants.values().stream().mapToInt(t -> t.hours.size()).sum();
    }

    /** The alert scope of a tenant, the second half of the alert key. */
    public static String scopeOf(String tenant) {
        return "tenant:" + tenant;
    }

    private Alert alert(String tenant, Instant hour, BigDecimal sum, Instant now) {
        String scope = scopeOf(tenant);
        String message = "tenant " + tenant + " spent $" + dollars(sum) + " in hour " + HOUR.format(hour)
                + ", above $" + dollars(thresholdUsd);
        // The id is derived, not random: a consumer can drop the copy a restarted service fires again.
        String alertId = NAME + "|" + scope + "|" + hour;
        return new Alert(Alert.SCHEMA_VERSION, alertId, NAME, scope, AlertStatus.FIRING, sum, thresholdUsd,
                message, hour, hour.plus(Duration.ofHours(1)), now);
    }

    /** At least cents, and every further digit there is: rounding could print a sum equal to the threshold. */
    static String dollars(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }

    /** Running sum of one tenant-hour and whether it has fired. */
    private static final class HourSpend {
        private BigDecimal sum = BigDecimal.ZERO;
        private boolean fired;
    }

    /** One tenant's newest hour buckets, and the oldest hour it still accepts. */
    private static final class TenantHours {
        private final TreeMap<Instant, HourSpend> hours = new TreeMap<>();
        private Instant horizon = Instant.MIN;

        /** The bucket of {@code hour}, created if needed; null when the hour is older than the horizon. */
        HourSpend bucket(Instant hour, int retainedHours) {
            if (hour.isBefore(horizon)) {
                return null;
            }
            hours.computeIfAbsent(hour, h -> new HourSpend());
            while (hours.size() > retainedHours) {
                hours.pollFirstEntry();
                horizon = hours.firstKey();
            }
            return hours.get(hour); // null when the new bucket was itself the oldest, hence late
        }
    }
}
