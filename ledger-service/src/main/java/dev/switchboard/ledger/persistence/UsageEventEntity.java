package dev.switchboard.ledger.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** One booked usage event, read by reports; rows are written only by {@code UsageLedger}'s insert-if-absent. */
@Entity
@Table(name = "usage_event", schema = "ledger")
public class UsageEventEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "request_id")
    public String requestId;
    public int attempt;
    public int step;
    public String tenant;
    public String project;
    @Column(name = "user_id")
    public String userId;
    public String feature;
    public String model;
    public String provider;
    @Column(name = "input_tokens")
    public long inputTokens;
    @Column(name = "cached_input_tokens")
    public long cachedInputTokens;
    @Column(name = "output_tokens")
    public long outputTokens;
    @Column(name = "cost_usd", precision = 20, scale = 10)
    public BigDecimal costUsd;
    @Column(name = "latency_ms")
    public long latencyMs;
    public String outcome;
    public Boolean accepted;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "ingested_at", insertable = false, updatable = false)
    public Instant ingestedAt;
}
