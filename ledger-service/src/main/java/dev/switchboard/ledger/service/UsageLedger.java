package dev.switchboard.ledger.service;

import dev.switchboard.core.event.UsageEvent;
import dev.switchboard.core.ledger.UsageEventCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.hibernate.query.MutationQuery;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Books usage events: each event id once, and the hourly roll-up only for an event stored just now, in the
 * caller's transaction so that both commit together (or neither does).
 */
@ApplicationScoped
public class UsageLedger {

    private static final String INSERT_EVENT = """
            INSERT INTO ledger.usage_event (event_id, request_id, attempt, step, tenant, project, user_id, feature,
                model, provider, input_tokens, cached_input_tokens, output_tokens, cost_usd, latency_ms, outcome,
                accepted, occurred_at)
            VALUES (:eventId, :requestId, :attempt, :step, :tenant, :project, :userId, :feature, :model, :provider,
                :inputTokens, :cachedInputTokens, :outputTokens, :costUsd, :latencyMs, :outcome, :accepted, :occurredAt)
            ON CONFLICT (event_id) DO NOTHING""";

    // Reads the row just stored, so the roll-up adds exactly what the event table holds.
    private static final String ADD_TO_HOUR = """
            INSERT INTO ledger.usage_hourly AS h (hour, tenant, project, user_id, feature, model, calls, cost_usd,
                input_tokens, cached_input_tokens, output_tokens)
            SELECT date_trunc('hour', e.occurred_at, 'UTC'), e.tenant, coalesce(e.project, ''),
                coalesce(e.user_id, ''), coalesce(e.feature, ''), e.model, 1, e.cost_usd, e.input_tokens,
                e.cached_input_tokens, e.output_tokens
            FROM ledger.usage_event e WHERE e.event_id = :eventId
            ON CONFLICT (hour, tenant, project, user_id, feature, model) DO UPDATE SET
                calls = h.calls + EXCLUDED.calls,
                cost_usd = h.cost_usd + EXCLUDED.cost_usd,
                input_tokens = h.input_tokens + EXCLUDED.input_tokens,
                cached_input_tokens = h.cached_input_tokens + EXCLUDED.cached_input_tokens,
                output_tokens = h.output_tokens + EXCLUDED.output_tokens""";

    private final EntityManager entityManager;

    public UsageLedger(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Books {@code event} unless its id is booked already.
     *
     * @throws IllegalArgumentException when the event is not bookable (nothing is written)
     */
    @Transactional
    public IngestOutcome book(UsageEvent event) {
        UsageEventCheck.requireValid(event);
        if (insertEvent(event) == 0) {
            return IngestOutcome.DUPLICATE;
        }
        session().createNativeMutationQuery(ADD_TO_HOUR).setParameter("eventId", event.eventId()).executeUpdate();
        return IngestOutcome.STORED;
    }

    private int insertEvent(UsageEvent e) {
        // Typed parameters: an untyped null would reach PostgreSQL as bytea.
        MutationQuery insert = session().createNativeMutationQuery(INSERT_EVENT);
        insert.setParameter("eventId", e.eventId(), String.class)
                .setParameter("requestId", e.requestId(), String.class)
                .setParameter("attempt", e.attempt(), Integer.class)
                .setParameter("step", e.step(), Integer.class)
                .setParameter("tenant", e.tenant(), String.class)
                .setParameter("project", e.project(), String.class)
                .setParameter("userId", e.user(), String.class)
                .setParameter("feature", e.feature(), String.class)
                .setParameter("model", e.model(), String.class)
                .setParameter("provider", e.provider(), String.class)
                .setParameter("inputTokens", e.inputTokens(), Long.class)
                .setParameter("cachedInputTokens", e.cachedInputTokens(), Long.class)
                .setParameter("outputTokens", e.outputTokens(), Long.class)
                .setParameter("costUsd", e.costUsd(), BigDecimal.class)
                .setParameter("latencyMs", e.latencyMs(), Long.class)
                .setParameter("outcome", e.outcome() == null ? null : e.outcome().wire(), String.class)
                .setParameter("accepted", e.accepted(), Boolean.class)
                .setParameter("occurredAt", e.occurredAt(), Instant.class);
        return insert.executeUpdate();
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
