package dev.switchboard.ledger.service;

import dev.switchboard.core.ledger.SpendDimension;
import dev.switchboard.core.ledger.SpendQuery;
import dev.switchboard.core.ledger.SpendReport;
import dev.switchboard.core.ledger.SpendRow;
import dev.switchboard.ledger.config.LedgerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Spend reports computed from the event table, so they are exact to the last booked event. */
@ApplicationScoped
public class SpendReports {

    private static final BigDecimal NO_COST = BigDecimal.ZERO.setScale(10);

    private final EntityManager entityManager;
    private final LedgerConfig config;

    public SpendReports(EntityManager entityManager, LedgerConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /** Spend per group of {@code query.groupBy()}, most expensive first, and the total of all groups. */
    public SpendReport report(SpendQuery query) {
        Filter filter = Filter.of(query);
        String group = "e." + property(query.groupBy());
        TypedQuery<Object[]> rows = entityManager.createQuery("select " + group + ", sum(e.costUsd), "
                + "count(distinct e.requestId), sum(e.inputTokens), sum(e.cachedInputTokens), sum(e.outputTokens) "
                + "from UsageEventEntity e" + filter.where() + " group by " + group
                + " order by sum(e.costUsd) desc, " + group + " nulls last", Object[].class);
        filter.bind(rows);
        int maxRows = config.spend().maxRows();
        List<SpendRow> found = new ArrayList<>();
        for (Object[] r : rows.setMaxResults(maxRows + 1).getResultList()) {
            found.add(new SpendRow((String) r[0], (BigDecimal) r[1], count(r[2]), count(r[3]), count(r[4]),
                    count(r[5])));
        }
        return SpendReport.of(query, total(filter), found, maxRows);
    }

    private BigDecimal total(Filter filter) {
        TypedQuery<BigDecimal> total = entityManager.createQuery(
                "select sum(e.costUsd) from UsageEventEntity e" + filter.where(), BigDecimal.class);
        filter.bind(total);
        BigDecimal sum = total.getSingleResult();
        return sum == null ? NO_COST : sum;
    }

    /** The entity property of a dimension: a fixed set, so never caller text in the query. */
    private static String property(SpendDimension dimension) {
        return switch (dimension) {
            case TENANT -> "tenant";
            case MODEL -> "model";
            case USER -> "userId";
            case PROJECT -> "project";
            case FEATURE -> "feature";
        };
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The where clause of a query and its parameters. */
    private record Filter(String where, Map<String, Object> parameters) {

        static Filter of(SpendQuery query) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            List<String> conditions = new ArrayList<>();
            if (query.from() != null) {
                conditions.add("e.occurredAt >= :since");
                parameters.put("since", query.from());
            }
            if (query.to() != null) {
                conditions.add("e.occurredAt < :until");
                parameters.put("until", query.to());
            }
            if (query.tenant() != null) {
                conditions.add("e.tenant = :tenant");
                parameters.put("tenant", query.tenant());
            }
            return new Filter(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), parameters);
        }

        void bind(TypedQuery<?> query) {
            parameters.forEach(query::setParameter);
        }
    }
}
