package dev.switchboard.bench.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.core.eval.Bootstrap;
import dev.switchboard.core.eval.RunTotals;
import dev.switchboard.core.eval.SweepPoint;
import dev.switchboard.core.eval.TargetPoint;
import dev.switchboard.core.eval.TaskMetrics;
import dev.switchboard.core.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code report.json}: per task and overall the fields (n, policy and best-model quality and cost, oracle,
 * savings at target, AIQ, APGR, CPT), whether the two targets are met, and the curves they come from.
 */
public final class ReportJson {

    private ReportJson() {
    }

    /** The report as JSON text. */
    public static String render(EvalOptions options, List<TaskResult> results, List<String> command) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", String.join(" ", command));
        report.put("mode", options.mode());
        report.put("target_quality", options.settings().targetShare());
        report.put("target_strong_call_share", options.settings().strongCallShare());
        report.put("blind", options.blind());
        // sorted: Map.of iterates in an order that changes from one JVM to the next, and reports are compared
        report.put("definitions", new TreeMap<>(Map.of(
                "saving", "1 - cost / best_cost_usd, at quality >= target_quality x best_quality",
                "strong_call_share", "share of the prompts whose calls include best_model at the operating point; "
                        + "target_strong_call_share: the budget the routers were calibrated to (null: calibrated "
                        + "to target_quality)",
                "policy_saving_at_target", "cheapest point of the policy's curve reaching the target: its threshold "
                        + "sweep and the routers calibrated to the other target shares (target_curve)",
                "operating_saving", "saving of the calibrated operating point (decisions.jsonl); null below target",
                "aiq", "area under the non-decreasing convex hull over [cheapest, dearest single model cost] / range",
                "bootstrap", Bootstrap.RESAMPLES + " resamples of the prompts with replacement (seeded); 90% "
                        + "intervals (5th-95th percentile) and the share of resamples meeting each target, with the "
                        + "policy's points as run",
                "apgr_cpt", "RouteLLM; x = share of calls to the best model (two models) or cost normalised "
                        + "between the cheapest and the best model (more models)",
                "versus", "competitors' approaches run beside the policy on the same training and test prompts "
                        + "(--versus): their saving at target, AIQ and APGR, and the policy against each over the "
                        + "same " + Bootstrap.RESAMPLES + " resamples (paired): the share of resamples where the "
                        + "policy's saving or AIQ is higher, and 90% intervals of the differences (policy minus "
                        + "baseline)")));
        List<Object> tasks = new ArrayList<>();
        Object overall = null;
        for (TaskResult result : results) {
            Map<String, Object> entry = entry(result);
            if (EvalResults.OVERALL.equals(result.task())) {
                overall = entry;
            } else {
                tasks.add(entry);
            }
        }
        report.put("tasks", tasks);
        report.put("overall", overall);
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report", e);
        }
    }

    private static Map<String, Object> entry(TaskResult result) {
        Map<String, Object> entry = new LinkedHashMap<>();
        TaskMetrics m = result.metrics();
        if (m == null) {
            entry.put("task", result.task());
            entry.put("n", result.operating().prompts());
            entry.put("policy_quality", null);
            entry.put("policy_cost_usd", result.operating().costUsd());
        } else {
            entry.putAll(Json.MAPPER.convertValue(m, Map.class));
            entry.put("halfway_saving", m.halfwaySaving());
            entry.put("meets_saving_target", result.meetsSavingTarget());
            entry.put("meets_aiq_target", result.meetsAiqTarget());
            entry.put("bootstrap", result.bootstrap());
        }
        entry.put("families", result.families());
        entry.put("calls", result.operating().callCount());
        if (m != null) {
            entry.put("strong_call_share", result.strongCallShare());
            entry.put("live_router", result.liveRouter() == null ? null : point(result.liveRouter()));
            Map<String, Object> singles = new LinkedHashMap<>();
            result.singles().byModel().forEach((model, run) -> singles.put(model, point(run)));
            entry.put("single_models", singles);
            entry.put("curve", result.sweep().stream().map(ReportJson::sweepPoint).toList());
            entry.put("target_curve", result.targets().stream().map(ReportJson::targetPoint).toList());
            if (!result.rivals().isEmpty()) {
                entry.put("versus", result.rivals().stream().map(ReportJson::rival).toList());
            }
        }
        return entry;
    }

    private static Map<String, Object> rival(Rival rival) {
        Map<String, Object> r = new LinkedHashMap<>();
        TaskMetrics m = rival.metrics();
        r.put("baseline", rival.baseline());
        r.put("policy_quality", m.policyQuality());
        r.put("policy_saving_at_target", m.policySavingAtTarget());
        r.put("operating_saving", m.operatingSaving());
        r.put("aiq_policy", m.aiqPolicy());
        r.put("apgr", m.apgr());
        r.put("paired", rival.paired());
        return r;
    }

    private static Map<String, Object> point(RunTotals run) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("quality", run.quality());
        p.put("cost_usd", run.costUsd());
        return p;
    }

    private static Map<String, Object> targetPoint(TargetPoint point) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("target_share", point.share());
        p.putAll(point(point.totals()));
        return p;
    }

    private static Map<String, Object> sweepPoint(SweepPoint point) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("threshold", point.threshold());
        p.putAll(point(point.totals()));
        return p;
    }
}
