package dev.switchboard.bench.demo;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.switchboard.core.event.Alert;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.ResultStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a workload cost against the strongest-model baseline, with latency, outcomes, alerts and the ledger's view.
 *
 * @param baselineCostUsd the sum of the results' baseline cost: every request on the catalog's strongest model
 * @param savingsPercent  how much less than the baseline the routed requests cost, in percent (one decimal)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CostReport(
        int requests,
        int results,
        int duplicateResults,
        List<String> missingIds,
        Map<String, Long> statuses,
        int cacheHits,
        List<ModelLine> models,
        BigDecimal totalCostUsd,
        BigDecimal baselineCostUsd,
        BigDecimal savingsPercent,
        Long p50LatencyMs,
        Long p95LatencyMs,
        List<TenantLine> tenants,
        List<AlertLine> alerts,
        List<Unanswered> unanswered) {

    /**
     * Decimal places to which a tenant's spend must agree with the ledger: a micro-dollar, because simulated
     * requests cost fractions of a cent and a comparison in cents would hide lost events.
     */
    static final int AGREEMENT_SCALE = 6;
    /** Shown for results that reached no model (rejections). */
    static final String NO_MODEL = "(none)";

    /** Requests and cost that went to one model. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ModelLine(String model, long requests, BigDecimal costUsd) {
    }

    /** A tenant's cost by the results next to its spend by the ledger (null when the ledger had none). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TenantLine(String tenant, BigDecimal resultsCostUsd, BigDecimal ledgerSpendUsd, boolean matches) {
    }

    /** A request that ended rejected or failed, with the error the result gave. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Unanswered(String id, String status, String code, String message) {
    }

    /** An alert as it appeared on {@code llm.alerts}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AlertLine(String status, String rule, String scope, BigDecimal value, BigDecimal threshold,
                            String message) {
    }

    /**
     * The report of a run: the first result per sent request id counts, later ones are duplicates, results for
     * ids not sent are ignored.
     */
    public static CostReport of(Collection<String> requestIds, List<LlmResult> results, List<Alert> alerts,
                                Map<String, BigDecimal> ledgerSpendByTenant) {
        Set<String> sent = new HashSet<>(requestIds);
        Map<String, LlmResult> firstById = new LinkedHashMap<>();
        int duplicates = 0;
        for (LlmResult result : results) {
            if (!sent.contains(result.id())) {
                continue;
            }
            if (firstById.putIfAbsent(result.id(), result) != null) {
                duplicates++;
            }
        }
        List<LlmResult> counted = List.copyOf(firstById.values());
        List<String> missing = requestIds.stream().filter(id -> !firstById.containsKey(id)).toList();
        BigDecimal total = sum(counted.stream().map(LlmResult::costUsd).toList());
        BigDecimal baseline = sum(counted.stream().map(LlmResult::baselineCostUsd).toList());
        List<Long> latencies = counted.stream().map(LlmResult::latencyMs).filter(Objects::nonNull).toList();
        return new CostReport(requestIds.size(), counted.size(), duplicates, missing, statuses(counted),
                (int) counted.stream().filter(LlmResult::cacheHit).count(), byModel(counted), total, baseline,
                savingsPercent(total, baseline), percentile(latencies, 50), percentile(latencies, 95),
                byTenant(counted, ledgerSpendByTenant), alerts.stream().map(CostReport::alertLine).toList(),
                counted.stream().filter(r -> r.status() != ResultStatus.OK).map(CostReport::unanswered).toList());
    }

    /** Nearest-rank percentile ({@code p} in 1..100) of the values, null when there are none. */
    public static Long percentile(List<Long> values, int p) {
        if (p < 1 || p > 100) {
            throw new IllegalArgumentException("percentile must be in 1..100, was " + p);
        }
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** {@code (baseline - actual) / baseline} in percent with one decimal; zero when there is no baseline. */
    public static BigDecimal savingsPercent(BigDecimal actual, BigDecimal baseline) {
        if (baseline.signum() == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return baseline.subtract(actual).multiply(BigDecimal.valueOf(100)).divide(baseline, 1, RoundingMode.HALF_UP);
    }

    /** True when every tenant's results agree with the ledger. */
    public boolean ledgerAgrees() {
        return tenants.stream().allMatch(TenantLine::matches);
    }

    private static Map<String, Long> statuses(List<LlmResult> results) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ResultStatus status : ResultStatus.values()) {
            counts.put(status.wire(), results.stream().filter(r -> r.status() == status).count());
        }
        return counts;
    }

    private static List<ModelLine> byModel(List<LlmResult> results) {
        Map<String, List<LlmResult>> groups = new TreeMap<>();
        for (LlmResult result : results) {
            groups.computeIfAbsent(result.model() == null ? NO_MODEL : result.model(), m -> new ArrayList<>())
                    .add(result);
        }
        List<ModelLine> lines = new ArrayList<>();
        groups.forEach((model, group) -> lines.add(
                new ModelLine(model, group.size(), sum(group.stream().map(LlmResult::costUsd).toList()))));
        lines.sort(Comparator.comparing(ModelLine::costUsd).reversed()
                .thenComparing(Comparator.comparingLong(ModelLine::requests).reversed()));
        return lines;
    }

    private static List<TenantLine> byTenant(List<LlmResult> results, Map<String, BigDecimal> ledger) {
        Map<String, BigDecimal> fromResults = new TreeMap<>();
        for (LlmResult result : results) {
            fromResults.merge(String.valueOf(result.tenant()), orZero(result.costUsd()), BigDecimal::add);
        }
        Set<String> tenants = new TreeSet<>(fromResults.keySet());
        tenants.addAll(ledger.keySet());
        List<TenantLine> lines = new ArrayList<>();
        for (String tenant : tenants) {
            BigDecimal mine = fromResults.getOrDefault(tenant, BigDecimal.ZERO);
            BigDecimal theirs = ledger.get(tenant);
            boolean matches = theirs == null ? mine.signum() == 0 : agree(mine, theirs);
            lines.add(new TenantLine(tenant, mine, theirs, matches));
        }
        return lines;
    }

    /** True when both amounts are equal to the micro-dollar. */
    public static boolean agree(BigDecimal a, BigDecimal b) {
        return a.setScale(AGREEMENT_SCALE, RoundingMode.HALF_UP).compareTo(b.setScale(AGREEMENT_SCALE, RoundingMode.HALF_UP)) == 0;
    }

    private static Unanswered unanswered(LlmResult result) {
        return new Unanswered(result.id(), result.status() == null ? null : result.status().wire(),
                result.error() == null ? null : result.error().code(),
                result.error() == null ? null : result.error().message());
    }

    private static AlertLine alertLine(Alert alert) {
        return new AlertLine(alert.status() == null ? null : alert.status().wire(), alert.rule(), alert.scope(),
                alert.value(), alert.threshold(), alert.message());
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().map(CostReport::orZero).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
