package dev.switchboard.ledger.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.List;

/** Spend and tokens of one hour and attribution, summed as events are booked; for reports and budgets. */
@Entity
@Table(name = "usage_hourly", schema = "ledger")
public class UsageHourlyEntity extends PanacheEntityBase {

    @EmbeddedId
    public UsageHourlyId id;
    public long calls;
    @Column(name = "cost_usd", precision = 20, scale = 10)
    public BigDecimal costUsd;
    @Column(name = "input_tokens")
    public long inputTokens;
    @Column(name = "cached_input_tokens")
    public long cachedInputTokens;
    @Column(name = "output_tokens")
    public long outputTokens;

    /** Every roll-up of a tenant, oldest hour first. */
    public static List<UsageHourlyEntity> ofTenant(String tenant) {
        return list("id.tenant = ?1 order by id.hour", tenant);
    }
}
