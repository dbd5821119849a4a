package dev.switchboard.core.ledger;

import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpendReportTest {

    private static final SpendQuery QUERY = new SpendQuery(SpendDimension.MODEL,
            Instant.parse("2026-11-21T10:00:00Z"), null, null);
    private static final List<SpendRow> ROWS = List.of(
            new SpendRow("gpt-4o", new BigDecimal("0.0072500000"), 2, 1000, 200, 500),
            new SpendRow(null, new BigDecimal("0.0010000000"), 1, 10, 0, 10));

    @Test
    void keepsTheTotalOfAllGroupsWhenRowsStopAtTheLimit() {
        SpendReport report = SpendReport.of(QUERY, new BigDecimal("0.0082500000"), ROWS, 1);

        assertThat(report.rows()).extracting(SpendRow::key).containsExactly("gpt-4o");
        assertThat(report.truncated()).isTrue();
        assertThat(report.totalCostUsd()).isEqualTo(new BigDecimal("0.0082500000"));
        assertThat(SpendReport.of(QUERY, BigDecimal.ZERO, ROWS, 2).truncated()).isFalse();
    }

    @Test
    void writesSnakeCaseWithExactCostsAndAnExplicitNullKey() {
        String json = Json.write(SpendReport.of(QUERY, new BigDecimal("0.0082500000"), ROWS, 10));

        assertThat(json).isEqualTo("{\"group_by\":\"model\",\"from\":\"2026-11-21T10:00:00Z\","
                + "\"total_cost_usd\":0.0082500000,\"rows\":["
                + "{\"key\":\"gpt-4o\",\"cost_usd\":0.0072500000,\"requests\":2,\"input_tokens\":1000,"
                + "\"cached_input_tokens\":200,\"output_tokens\":500},"
                + "{\"key\":null,\"cost_usd\":0.0010000000,\"requests\":1,\"input_tokens\":10,"
                + "\"cached_input_tokens\":0,\"output_tokens\":10}],\"truncated\":false}");
    }
}
