package dev.switchboard.bench.eval;

import dev.switchboard.core.eval.Bootstrap;
import dev.switchboard.core.eval.PairedBootstrap;
import dev.switchboard.core.eval.TargetPoint;
import dev.switchboard.core.eval.TaskMetrics;

import java.util.List;
import java.util.Locale;

/** {@code report.md}: the numbers of {@code report.json} as tables for people, with the plots linked. */
public final class ReportMarkdown {

    private ReportMarkdown() {
    }

    public static String render(EvalOptions options, List<TaskResult> results, List<String> command) {
        StringBuilder md = new StringBuilder("# Routing evaluation\n\n");
        md.append("Command: `").append(String.join(" ", command)).append("`\n\n");
        md.append("Mode: ").append(options.mode()).append(". Target: ")
                .append(pct(options.settings().targetShare())).append(" of the best single model's quality.\n\n");
        if (options.settings().strongCallShare() != null) {
            md.append("Calibrated to a budget of strong-model calls: ").append(options.settings().calibration())
                    .append(" (its best single model on the training prompts); savings are measured at the ")
                    .append("target above.\n\n");
        }
        if (options.blind()) {
            md.append("Blind run: the scores were dropped while reading, so only costs are known.\n\n")
                    .append("| task | n | policy cost USD | families |\n|---|---:|---:|---|\n");
            results.forEach(r -> md.append("| ").append(r.task()).append(" | ").append(r.operating().prompts())
                    .append(" | ").append(usd(r.operating().costUsd().doubleValue())).append(" | ")
                    .append(r.families()).append(" |\n"));
            return md.toString();
        }
        savings(md, results);
        if (options.settings().strongCallShare() != null) {
            budget(md, options.settings().strongCallShare(), results);
        }
        costs(md, results);
        targets(md, options, results);
        certainty(md, results);
        versus(md, results);
        md.append("\n## Plots\n\n");
        results.forEach(r -> md.append("![").append(r.task()).append("](").append(CurvePlot.fileName(r.task()))
                .append(")\n"));
        return md.toString();
    }

    private static void savings(StringBuilder md, List<TaskResult> results) {
        md.append("## Savings at target and AIQ\n\n")
                .append("Saving = 1 − cost / best model's cost at quality ≥ target. Policy: cheapest point of its ")
                .append("curve (its threshold sweep and, when trained in the run, its routers calibrated to other ")
                .append("targets); operating: the calibrated threshold (decisions.jsonl). Halfway: from the ")
                .append("hull's saving to the oracle's.\n\n")
                .append("| task | n | policy q | best model | best q | operating saving | policy saving | hull saving "
                        + "| oracle saving | halfway | met | AIQ policy | AIQ hull | met |\n")
                .append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---|\n");
        for (TaskResult r : results) {
            TaskMetrics m = r.metrics();
            md.append("| ").append(r.task()).append(" | ").append(m.n()).append(" | ").append(pct(m.policyQuality()))
                    .append(" | ").append(m.bestModel()).append(" | ").append(pct(m.bestQuality())).append(" | ")
                    .append(pct(m.operatingSaving())).append(" | ").append(pct(m.policySavingAtTarget()))
                    .append(" | ").append(pct(m.hullSavingAtTarget())).append(" | ")
                    .append(pct(m.oracleSavingAtTarget())).append(" | ").append(pct(m.halfwaySaving())).append(" | ")
                    .append(yes(r.meetsSavingTarget())).append(" | ").append(fixed(m.aiqPolicy())).append(" | ")
                    .append(fixed(m.aiqHull())).append(" | ").append(yes(r.meetsAiqTarget())).append(" |\n");
        }
    }

    /** Where a budget of strong-model calls landed on the prompts decided. */
    private static void budget(StringBuilder md, double budget, List<TaskResult> results) {
        md.append("\n## Budget of strong-model calls\n\n")
                .append("| task | best model | budget | share calling it | deviation | quality / best | saving |\n")
                .append("|---|---|---:|---:|---:|---:|---:|\n");
        for (TaskResult r : results) {
            TaskMetrics m = r.metrics();
            double share = r.strongCallShare();
            md.append("| ").append(r.task()).append(" | ").append(m.bestModel()).append(" | ").append(pct(budget))
                    .append(" | ").append(pct(share)).append(" | ")
                    .append(String.format(Locale.ROOT, "%+.1f", (share - budget) * 100)).append(" | ")
                    .append(pct(m.policyQuality() / m.bestQuality())).append(" | ")
                    .append(pct(1 - m.policyCostUsd().doubleValue() / m.bestCostUsd().doubleValue())).append(" |\n");
        }
    }

    private static void costs(StringBuilder md, List<TaskResult> results) {
        md.append("\n## Costs, oracle and RouteLLM metrics\n\n")
                .append("| task | policy cost USD | best cost USD | cheapest model | oracle q | oracle cost USD "
                        + "| live router q / cost | APGR | CPT(50%) | CPT(80%) | x axis | families |\n")
                .append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (TaskResult r : results) {
            TaskMetrics m = r.metrics();
            String live = r.liveRouter() == null ? "—" : pct(r.liveRouter().quality()) + " / "
                    + usd(r.liveRouter().costUsd().doubleValue());
            md.append("| ").append(r.task()).append(" | ").append(usd(m.policyCostUsd().doubleValue())).append(" | ")
                    .append(usd(m.bestCostUsd().doubleValue())).append(" | ").append(m.cheapestModel()).append(" | ")
                    .append(pct(m.oracleQuality())).append(" | ").append(usd(m.oracleCostUsd().doubleValue()))
                    .append(" | ").append(live).append(" | ").append(fixed(m.apgr())).append(" | ")
                    .append(fixed(m.cpt50())).append(" | ").append(fixed(m.cpt80())).append(" | ")
                    .append(m.strongShareAxis()).append(" | ").append(r.families()).append(" |\n");
        }
    }

    /** Quality (as a share of the best model's) and saving of the routers calibrated to each target share. */
    private static void targets(StringBuilder md, EvalOptions options, List<TaskResult> results) {
        if (results.isEmpty() || results.get(0).targets().isEmpty()) {
            return;
        }
        md.append("\n## Calibrated to other targets\n\n")
                .append("Each cell: quality as a share of the best model's / saving, of routers trained and ")
                .append("calibrated to that target share on the same folds, deciding prompts they did not see.\n\n")
                .append("| task |");
        List<Double> shares = results.get(0).targets().stream().map(TargetPoint::share).toList();
        shares.forEach(share -> md.append(" ").append(pct(share)).append(" |"));
        md.append("\n|---|").append("---:|".repeat(shares.size())).append("\n");
        for (TaskResult r : results) {
            double best = r.metrics().bestQuality();
            double bestCost = r.metrics().bestCostUsd().doubleValue();
            md.append("| ").append(r.task()).append(" |");
            r.targets().forEach(p -> md.append(" ").append(pct(p.totals().quality() / best)).append(" / ")
                    .append(pct(1 - p.totals().costUsd().doubleValue() / bestCost)).append(" |"));
            md.append("\n");
        }
    }

    /** The bootstrap: how sure each target is, given how many prompts the task has. */
    private static void certainty(StringBuilder md, List<TaskResult> results) {
        md.append("\n## How sure (").append(Bootstrap.RESAMPLES).append(" resamples of the prompts)\n\n")
                .append("90% intervals of the policy's saving at target and of the halfway saving, and how often ")
                .append("each target is met over the resamples (the policy's points as run, not re-fitted).\n\n")
                .append("| task | policy saving | halfway | saving target met | AIQ target met |\n")
                .append("|---|---:|---:|---:|---:|\n");
        for (TaskResult r : results) {
            Bootstrap b = r.bootstrap();
            md.append("| ").append(r.task()).append(" | ").append(range(b.policySaving90())).append(" | ")
                    .append(range(b.halfwaySaving90())).append(" | ").append(pct(b.savingTargetMet())).append(" | ")
                    .append(pct(b.aiqTargetMet())).append(" |\n");
        }
    }

    /** The competitors run beside the policy, and the policy against each over the same resamples. */
    private static void versus(StringBuilder md, List<TaskResult> results) {
        if (results.isEmpty() || results.get(0).rivals().isEmpty()) {
            return;
        }
        md.append("\n## Against the baselines, paired (").append(Bootstrap.RESAMPLES).append(" resamples)\n\n")
                .append("Each baseline ran beside the policy on the same training and test prompts, target and ")
                .append("ladder. Saving at target ")
                .append("and AIQ: the policy's / the baseline's; higher in: the share of the same resamples of the ")
                .append("prompts where the policy's is higher (a curve missing the target saves less than any that ")
                .append("reaches it); difference: 90% interval of the policy's minus the baseline's.\n\n")
                .append("| task | baseline | saving | higher in | tied in | difference | AIQ | higher in | difference "
                        + "| APGR |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TaskResult r : results) {
            TaskMetrics m = r.metrics();
            for (Rival rival : r.rivals()) {
                TaskMetrics b = rival.metrics();
                PairedBootstrap p = rival.paired();
                md.append("| ").append(r.task()).append(" | ").append(rival.baseline()).append(" | ")
                        .append(pct(m.policySavingAtTarget())).append(" / ").append(pct(b.policySavingAtTarget()))
                        .append(" | ").append(pct(p.savingHigher())).append(" | ").append(pct(p.savingTied()))
                        .append(" | ").append(range(p.savingDifference90())).append(" | ").append(fixed(m.aiqPolicy()))
                        .append(" / ").append(fixed(b.aiqPolicy())).append(" | ").append(pct(p.aiqHigher()))
                        .append(" | ").append(p.aiqDifference90() == null ? "—" : fixed(p.aiqDifference90().get(0))
                                + " to " + fixed(p.aiqDifference90().get(1))).append(" | ").append(fixed(m.apgr()))
                        .append(" / ").append(fixed(b.apgr())).append(" |\n");
            }
        }
    }

    private static String range(List<Double> interval) {
        return interval == null ? "—" : pct(interval.get(0)) + " to " + pct(interval.get(1));
    }

    static String pct(Double share) {
        return share == null ? "—" : unsignedZero(String.format(Locale.ROOT, "%.1f%%", share * 100));
    }

    static String fixed(Double value) {
        return value == null ? "—" : unsignedZero(String.format(Locale.ROOT, "%.3f", value));
    }

    /** A number that rounds to nothing has no sign: "-0.000" is "0.000". */
    private static String unsignedZero(String text) {
        return text.matches("-0\\.0+%?") ? text.substring(1) : text;
    }

    static String usd(double amount) {
        return String.format(Locale.ROOT, "%.4f", amount);
    }

    private static String yes(Boolean met) {
        return met == null ? "—" : met ? "yes" : "no";
    }
}
