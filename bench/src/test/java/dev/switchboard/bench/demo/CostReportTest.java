package dev.switchboard.bench.demo;

import dev.switchboard.core.event.Alert;
import dev.switchboard.core.event.AlertStatus;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.ResultStatus;
import dev.switchboard.core.event.TokenUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CostReportTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1,2,3,4,5,6,7,8,9,10 | 50  | 5",
            "1,2,3,4,5,6,7,8,9,10 | 95  | 10",
            "1,2,3,4,5,6,7,8,9,10 | 90  | 9",
            "10,9,8,7,6,5,4,3,2,1 | 50  | 5",
            "42                   | 50  | 42",
            "42                   | 95  | 42",
            "300,100,200          | 50  | 200",
            "300,100,200          | 100 | 300",
            "300,100,200          | 1   | 100"})
    void takesNearestRankPercentile(String values, int p, long expected) {
        List<Long> list = Arrays.stream(values.split(",")).map(String::trim).map(Long::valueOf).toList();
        assertThat(CostReport.percentile(list, p)).isEqualTo(expected);
    }

    @Test
    void hasNoPercentileWithoutValues() {
        assertThat(CostReport.percentile(List.of(), 50)).isNull();
        assertThatThrownBy(() -> CostReport.percentile(List.of(1L), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "0.10, 1.00, 90.0",
            "1.00, 1.00, 0.0",
            "0.333, 1, 66.7",
            "2.00, 1.00, -100.0",
            "0, 0, 0.0"})
    void computesSavingsAgainstBaseline(String actual, String baseline, String expected) {
        assertThat(CostReport.savingsPercent(new BigDecimal(actual), new BigDecimal(baseline)))
                .isEqualByComparingTo(expected);
    }

    @Test
    void sumsCostPerModelAndTenantAndComparesWithLedger() {
        List<LlmResult> results = List.of(
                ok("r1", "acme", "gpt-4.1-nano", "0.000100", "0.002000", 300),
                ok("r2", "acme", "gpt-4.1-nano", "0.000200", "0.004000", 500),
                ok("r3", "globex", "claude-sonnet-4", "0.003000", "0.005000", 900),
                rejected("r4", "globex"));
        Map<String, BigDecimal> ledger = Map.of("acme", new BigDecimal("0.0003"), "globex", new BigDecimal("0.0200"));

        CostReport report = CostReport.of(List.of("r1", "r2", "r3", "r4"), results, List.of(), ledger);

        assertThat(report.totalCostUsd()).isEqualByComparingTo("0.0033");
        assertThat(report.baselineCostUsd()).isEqualByComparingTo("0.011");
        assertThat(report.savingsPercent()).isEqualByComparingTo("70.0");
        assertThat(report.models()).containsExactly(
                new CostReport.ModelLine("claude-sonnet-4", 1, new BigDecimal("0.003000")),
                new CostReport.ModelLine("gpt-4.1-nano", 2, new BigDecimal("0.000300")),
                new CostReport.ModelLine(CostReport.NO_MODEL, 1, BigDecimal.ZERO));
        assertThat(report.statuses()).containsExactly(
                Map.entry("ok", 3L), Map.entry("rejected", 1L), Map.entry("failed", 0L));
        assertThat(report.p50LatencyMs()).isEqualTo(500);
        assertThat(report.p95LatencyMs()).isEqualTo(900);
        assertThat(report.tenants()).extracting(CostReport.TenantLine::tenant, CostReport.TenantLine::matches)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("acme", true),
                        org.assertj.core.groups.Tuple.tuple("globex", false));
        assertThat(report.ledgerAgrees()).isFalse();
        assertThat(report.unanswered()).containsExactly(
                new CostReport.Unanswered("r4", "rejected", ErrorInfo.NO_ELIGIBLE_MODEL, "none fits"));
    }

    @Test
    void countsDuplicatesOnceAndNamesMissingIds() {
        List<LlmResult> results = List.of(
                ok("r1", "acme", "gpt-4.1-nano", "0.5", "1", 100),
                ok("r1", "acme", "gpt-4.1-nano", "0.5", "1", 100),
                ok("stranger", "acme", "gpt-4.1-nano", "9", "9", 100));

        CostReport report = CostReport.of(List.of("r1", "r2"), results, List.of(), Map.of());

        assertThat(report.results()).isEqualTo(1);
        assertThat(report.duplicateResults()).isEqualTo(1);
        assertThat(report.missingIds()).containsExactly("r2");
        assertThat(report.totalCostUsd()).isEqualByComparingTo("0.5");
        assertThat(report.tenants()).singleElement().satisfies(t -> {
            assertThat(t.ledgerSpendUsd()).isNull();
            assertThat(t.matches()).isFalse();
        });
    }

    @Test
    void agreesWithLedgerToTheMicroDollar() {
        List<LlmResult> results = List.of(ok("r1", "acme", "gpt-4.1", "0.0001234560", "0.2", 10));

        assertThat(CostReport.of(List.of("r1"), results, List.of(), Map.of("acme", new BigDecimal("0.00012346")))
                .ledgerAgrees()).isTrue();
        assertThat(CostReport.of(List.of("r1"), results, List.of(), Map.of("acme", new BigDecimal("0.0001244")))
                .ledgerAgrees()).isFalse();
        assertThat(CostReport.of(List.of("r1"), results, List.of(), Map.of()).ledgerAgrees()).isFalse();
    }

    @Test
    void listsAlerts() {
        Alert alert = new Alert(1, "a1", "cost_per_hour", "tenant:acme", AlertStatus.FIRING,
                new BigDecimal("0.9"), new BigDecimal("0.05"), "spend rate above threshold", AT, AT, AT);

        CostReport report = CostReport.of(List.of(), List.of(), List.of(alert), Map.of());

        assertThat(report.alerts()).containsExactly(new CostReport.AlertLine("firing", "cost_per_hour",
                "tenant:acme", new BigDecimal("0.9"), new BigDecimal("0.05"), "spend rate above threshold"));
    }

    private static LlmResult ok(String id, String tenant, String model, String cost, String baseline, long latency) {
        return new LlmResult(1, id, 1, tenant, ResultStatus.OK, null, null, model, "simulated",
                new TokenUsage(100, 0, 50), new BigDecimal(cost), new BigDecimal(baseline), latency, List.of(),
                false, AT);
    }

    private static LlmResult rejected(String id, String tenant) {
        return LlmResult.rejected(id, 1, tenant, new ErrorInfo(ErrorInfo.NO_ELIGIBLE_MODEL, "none fits"), AT);
    }
}
