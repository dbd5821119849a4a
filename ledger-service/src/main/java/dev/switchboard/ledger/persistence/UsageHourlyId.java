package dev.switchboard.ledger.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Key of an hourly roll-up: the UTC hour and the full attribution ('' where an event named none). */
@Embeddable
public class UsageHourlyId implements Serializable {

    public Instant hour;
    public String tenant;
    public String project;
    @Column(name = "user_id")
    public String userId;
    public String feature;
    public String model;

    @Override
    public boolean equals(Object o) {
        return o instanceof UsageHourlyId other && Objects.equals(hour, other.hour)
                && Objects.equals(tenant, other.tenant) && Objects.equals(project, other.project)
                && Objects.equals(userId, other.userId) && Objects.equals(feature, other.feature)
                && Objects.equals(model, other.model);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hour, tenant, project, userId, feature, model);
    }
}
