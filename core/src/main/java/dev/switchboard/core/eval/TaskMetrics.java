package dev.switchboard.core.eval;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.switchboard.core.recorded.BenchmarkLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The numbers of one task (or of a whole run) that say how much a policy saves at a given quality: the policy at
 * its calibrated operating point and along its sweep, next to the best and cheapest single model, the hull of
 * single models and the oracle. Savings are {@code 1 - cost / best model's cost} at quality ≥ target × best
 * quality; null when the curve never reaches that quality. Ratios and areas are doubles (see
 * {@link CostQuality}); money is {@code BigDecimal}.
 *
 * @param strongShareAxis what APGR and CPT take as x: {@code strong_calls} (RouteLLM, two models) or
 *                        {@code normalised_cost} (more models: cost scaled from cheapest to best model's)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskMetrics(String task, int n, double targetShare, Double policyQuality, BigDecimal policyCostUsd,
                          String bestModel, double bestQuality, BigDecimal bestCostUsd, String cheapestModel,
                          double oracleQuality, BigDecimal oracleCostUsd, Double hullSavingAtTarget,
                          Double policySavingAtTarget, Double oracleSavingAtTarget, Double operatingSaving,
                          double aiqPolicy, double aiqHull, Double apgr, Double cpt50, Double cpt80,
                          String strongShareAxis) {

    /** Measures a scored run whose policy was calibrated to one target only. */
    public static TaskMetrics of(String task, List<BenchmarkLine> lines, RunTotals operating,
                                 List<SweepPoint> sweep, double target) {
        return of(task, lines, operating, sweep, List.of(), target);
    }

    /**
     * Measures a scored run. The policy's curve, for its AIQ and its saving at target, is every point it can be
     * set to: its threshold sweep and the routers calibrated to other targets. APGR and CPT read the threshold
     * sweep only, as RouteLLM sweeps its routers' one threshold.
     *
     * @param operating the policy's run at its calibrated operating point
     * @param sweep     the policy's runs over its sweep parameter, on the same lines
     * @param targets   the runs of routers calibrated to other target shares, on the same lines; may be empty
     * @param target    the share of the best model's quality to reach, e.g. 0.95
     */
    public static TaskMetrics of(String task, List<BenchmarkLine> lines, RunTotals operating,
                                 List<SweepPoint> sweep, List<TargetPoint> targets, double target) {
        SingleModels singles = SingleModels.of(lines);
        RunTotals best = singles.get(singles.best());
        RunTotals cheapest = singles.get(singles.cheapest());
        RunTotals oracle = RunTotals.of(lines, line -> Choice.single(Oracle.choose(line)));
        double level = target * best.quality();
        double bestCost = best.costUsd().doubleValue();
        QualityHull hull = QualityHull.of(singles.points());
        List<CostQuality> policyPoints = new ArrayList<>(sweep.stream().map(p -> p.totals().point()).toList());
        targets.forEach(p -> policyPoints.add(p.totals().point()));
        List<CostQuality> mixable = new ArrayList<>(policyPoints);
        mixable.add(cheapest.point()); // any policy may send a share of traffic to the cheapest model
        double low = cheapest.costUsd().doubleValue();
        double high = singles.highestCost();
        Double operatingSaving = operating.quality() != null && operating.quality() >= level
                ? saving(operating.costUsd().doubleValue(), bestCost) : null;
        StrongShare share = StrongShare.of(singles, sweep);
        return new TaskMetrics(task, lines.size(), target, operating.quality(), operating.costUsd(),
                singles.best(), best.quality(), best.costUsd(), singles.cheapest(), oracle.quality(),
                oracle.costUsd(), savingOf(hull.costAt(level), bestCost), savingOf(cheapestReaching(policyPoints,
                level), bestCost), oracle.quality() >= level ? saving(oracle.costUsd().doubleValue(), bestCost)
                : null, operatingSaving, QualityHull.of(mixable).aiq(low, high), hull.aiq(low, high),
                share.apgr(), share.cpt(0.5), share.cpt(0.8), share.axis());
    }

    /** Halfway from the hull's saving to the oracle's: the saving the issue asks a policy to reach. */
    public Double halfwaySaving() {
        if (hullSavingAtTarget == null || oracleSavingAtTarget == null) {
            return null;
        }
        return (hullSavingAtTarget + oracleSavingAtTarget) / 2;
    }

    static OptionalDouble cheapestReaching(List<CostQuality> points, double level) {
        return points.stream().filter(p -> p.quality() >= level).mapToDouble(CostQuality::cost).min();
    }

    private static Double savingOf(OptionalDouble cost, double bestCost) {
        return cost.isPresent() ? saving(cost.getAsDouble(), bestCost) : null;
    }

    private static double saving(double cost, double bestCost) {
        return 1 - cost / bestCost;
    }

    /** APGR and CPT of a sweep against the cheapest (weak) and the best (strong) model. */
    private record StrongShare(List<CostQuality> curve, double weak, double strong, String axis) {

        static StrongShare of(SingleModels singles, List<SweepPoint> sweep) {
            String weakModel = singles.cheapest();
            String strongModel = singles.best();
            RunTotals weak = singles.get(weakModel);
            RunTotals strong = singles.get(strongModel);
            boolean pair = singles.byModel().size() == 2;
            List<CostQuality> curve = sweep.stream().map(p -> new CostQuality(pair
                    ? p.totals().callShare(strongModel)
                    : RouteLlmMetrics.normalisedCost(p.totals().costUsd().doubleValue(),
                    weak.costUsd().doubleValue(), strong.costUsd().doubleValue()), p.totals().quality())).toList();
            return new StrongShare(curve, weak.quality(), strong.quality(), pair ? "strong_calls" : "normalised_cost");
        }

        Double apgr() {
            boolean spread = curve.stream().mapToDouble(CostQuality::cost).distinct().count() > 1;
            return strong > weak && spread ? RouteLlmMetrics.apgr(curve, weak, strong) : null;
        }

        Double cpt(double share) {
            if (!(strong > weak)) {
                return null;
            }
            OptionalDouble x = RouteLlmMetrics.cpt(curve, weak, strong, share);
            return x.isPresent() ? x.getAsDouble() : null;
        }
    }
}
