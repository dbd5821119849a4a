package dev.switchboard.bench.eval;

import dev.switchboard.core.eval.Bootstrap;
import dev.switchboard.core.eval.QualityHull;
import dev.switchboard.core.eval.RunTotals;
import dev.switchboard.core.eval.SingleModels;
import dev.switchboard.core.eval.SweepPoint;
import dev.switchboard.core.eval.TargetPoint;
import dev.switchboard.core.eval.TaskMetrics;

import java.util.List;
import java.util.Map;

/**
 * Everything the report says about one task (or the whole run): the metrics and the curves behind them.
 *
 * @param metrics    null in a blind run (no scores, so no quality)
 * @param operating  the policy's run at its calibrated operating point
 * @param sweep      the policy's runs along its threshold; empty in a blind run
 * @param targets    the runs of routers calibrated to other target shares; empty in a blind run or when the
 *                   run trained no such routers
 * @param singles    every single model's run; null in a blind run
 * @param oracle     the oracle's run; null in a blind run
 * @param liveRouter the live router's run (rule classifier + cheapest eligible policy); null when it rejected a
 *                   prompt or the run is blind
 * @param families   how many prompts each policy family decided
 * @param bootstrap  how sure the targets are, over resamples of the prompts; null in a blind run
 * @param rivals     the competitors' approaches run beside the policy ({@code --versus}); empty when none were
 */
public record TaskResult(String task, TaskMetrics metrics, RunTotals operating, List<SweepPoint> sweep,
                         List<TargetPoint> targets, SingleModels singles, RunTotals oracle, RunTotals liveRouter,
                         Map<String, Long> families, Bootstrap bootstrap, List<Rival> rivals) {

    public TaskResult {
        rivals = List.copyOf(rivals);
    }

    /** The hull of the single models; only for scored runs. */
    public QualityHull hull() {
        return QualityHull.of(singles.points());
    }

    /** Whether the policy's saving at target is at least halfway from the hull's to the oracle's. */
    public Boolean meetsSavingTarget() {
        if (metrics == null || metrics.halfwaySaving() == null) {
            return null;
        }
        return metrics.policySavingAtTarget() != null && metrics.policySavingAtTarget() >= metrics.halfwaySaving();
    }

    /** Share of the prompts whose calls include the best single model at the operating point; only for scored runs. */
    public double strongCallShare() {
        return operating.callShare(metrics.bestModel());
    }

    /** Whether the policy's AIQ is above the single-model hull's. */
    public Boolean meetsAiqTarget() {
        return metrics == null ? null : metrics.aiqPolicy() > metrics.aiqHull();
    }
}
