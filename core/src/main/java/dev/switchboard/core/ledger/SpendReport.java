package dev.switchboard.core.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Spend grouped by one dimension over a time range, most expensive group first.
 *
 * @param totalCostUsd cost of every matching event, also when {@code rows} stops at the row limit
 * @param truncated    true when there were more groups than the rows returned
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpendReport(
        SpendDimension groupBy,
        Instant from,
        Instant to,
        String tenant,
        BigDecimal totalCostUsd,
        List<SpendRow> rows,
        boolean truncated) {

    /** The report for {@code query}: keeps at most {@code maxRows} of {@code rows}, which come sorted. */
    public static SpendReport of(SpendQuery query, BigDecimal totalCostUsd, List<SpendRow> rows, int maxRows) {
        boolean truncated = rows.size() > maxRows;
        List<SpendRow> kept = truncated ? List.copyOf(rows.subList(0, maxRows)) : List.copyOf(rows);
        return new SpendReport(query.groupBy(), query.from(), query.to(), query.tenant(), totalCostUsd, kept,
                truncated);
    }
}
