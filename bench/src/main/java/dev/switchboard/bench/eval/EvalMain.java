package dev.switchboard.bench.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code ./switchboard eval}: offline routing evaluation on recorded benchmark data (no Kafka, no services). */
public final class EvalMain {

    static final String USAGE = """
            usage: ./switchboard eval --data FILE... --models FILE --out DIR [options]
              --data FILE            a benchmark .jsonl file (repeat, or list several after one --data; one source)
              --models FILE          the source's models file (the catalog of the run)
              --out DIR              where decisions.jsonl, report.json, report.md and the PNG plots go
              --target-quality X     share of the best single model's quality to calibrate to (default 0.95)
              --target-strong-share X
                                     calibrate to a budget of strong-model calls instead: at most this share of
                                     each task's prompts may call its best single model (RouteLLM's calibration);
                                     savings are still measured at --target-quality
              --model ARTIFACT       decide with a router from ./switchboard train; otherwise routers are trained
                                     inside the run:
              --cv K                 k-fold cross-validation, folds per task, fixed seed (default: 5 folds)
              --holdout-task         each task decided by a router trained on the other tasks only
              --ladder LIST|none     with --cv or --holdout-task: also calibrate every router to these target
                                     shares, for the policy's curve as its target moves (default 0.70 to 1.00
                                     in steps of 0.025)
              --blind                drop every score while reading (needs --model); decisions.jsonl is unchanged
              --baseline NAME        with --cv or --holdout-task: a competitor's approach instead of Switchboard's
                                     router, on the same folds and calibration: routellm-sw, routellm-mf
                                     (RouteLLM's routers between the cheapest and the best model) or
                                     cascadeflow-gate (a drafter -> best model cascade checked by fixed
                                     heuristics); see docs/routing-eval.md
              --versus LIST|all      with --cv or --holdout-task: also run these baselines beside Switchboard's
                                     router on the same folds or held-out tasks, and compare each with it over
                                     the same resamples of the prompts (report.md, "Against the baselines,
                                     paired")
            """ + EvalOptions.TRAINING_OPTIONS;

    private EvalMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(USAGE);
            return 0;
        }
        try {
            EvalOptions options = EvalOptions.parse(expandData(Arrays.asList(args)), false);
            List<TaskResult> results = EvalRun.eval(options, command("eval", args), System.out);
            results.forEach(r -> {
                System.out.println(summary(r));
                r.rivals().forEach(rival -> System.out.println(versus(r, rival)));
            });
            System.out.println("Wrote " + options.out().resolve("decisions.jsonl") + ", report.json, report.md"
                    + (options.blind() ? "" : " and the plots"));
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("switchboard eval: " + e.getMessage());
            System.err.print(USAGE);
            return 2;
        }
    }

    /** {@code --data a b c} as {@code --data a --data b --data c}, so shell globs work. */
    static List<String> expandData(List<String> args) {
        List<String> expanded = new ArrayList<>();
        boolean inData = false;
        for (String arg : args) {
            if (arg.startsWith("--")) {
                inData = arg.equals("--data");
                expanded.add(arg);
            } else {
                if (inData && !expanded.get(expanded.size() - 1).equals("--data")) {
                    expanded.add("--data");
                }
                expanded.add(arg);
            }
        }
        return expanded;
    }

    static List<String> command(String name, String[] args) {
        List<String> command = new ArrayList<>(List.of("./switchboard", name));
        command.addAll(Arrays.asList(args));
        return command;
    }

    private static String versus(TaskResult r, Rival rival) {
        var p = rival.paired();
        return String.format(Locale.ROOT, "%-14s   against %s: saving at target %s vs %s, higher in %s of "
                        + "resamples (tied in %s); AIQ %s vs %s, higher in %s", "", rival.baseline(),
                ReportMarkdown.pct(r.metrics().policySavingAtTarget()),
                ReportMarkdown.pct(rival.metrics().policySavingAtTarget()), ReportMarkdown.pct(p.savingHigher()),
                ReportMarkdown.pct(p.savingTied()), ReportMarkdown.fixed(r.metrics().aiqPolicy()),
                ReportMarkdown.fixed(rival.metrics().aiqPolicy()), ReportMarkdown.pct(p.aiqHigher()));
    }

    private static String summary(TaskResult r) {
        if (r.metrics() == null) {
            return String.format(Locale.ROOT, "%-14s n=%d cost=%s USD (blind: no quality)", r.task(),
                    r.operating().prompts(), r.operating().costUsd().toPlainString());
        }
        var m = r.metrics();
        return String.format(Locale.ROOT, "%-14s n=%-5d quality %s of best (%s of prompts call it), saving at "
                        + "target: policy %s, hull %s, oracle %s (halfway %s: %s; met in %s of resamples); AIQ %s "
                        + "vs hull %s (%s; met in %s); APGR %s",
                r.task(), m.n(), ReportMarkdown.pct(m.policyQuality() / m.bestQuality()),
                ReportMarkdown.pct(r.strongCallShare()),
                ReportMarkdown.pct(m.policySavingAtTarget()), ReportMarkdown.pct(m.hullSavingAtTarget()),
                ReportMarkdown.pct(m.oracleSavingAtTarget()), ReportMarkdown.pct(m.halfwaySaving()),
                Boolean.TRUE.equals(r.meetsSavingTarget()) ? "met" : "not met",
                ReportMarkdown.pct(r.bootstrap().savingTargetMet()), ReportMarkdown.fixed(m.aiqPolicy()),
                ReportMarkdown.fixed(m.aiqHull()), Boolean.TRUE.equals(r.meetsAiqTarget()) ? "met" : "not met",
                ReportMarkdown.pct(r.bootstrap().aiqTargetMet()), ReportMarkdown.fixed(m.apgr()));
    }
}
