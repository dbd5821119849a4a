package dev.switchboard.bench.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.policy.RouterArtifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvalRunTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path dir;

    @Test
    void aBlindRunWritesTheSameDecisionsAsTheScoredRun() throws IOException {
        Path models = SyntheticFiles.models(dir);
        List<Path> scored = List.of(SyntheticFiles.task(dir, "sums", 90, true),
                SyntheticFiles.task(dir, "totals", 45, true));
        List<Path> stripped = List.of(SyntheticFiles.task(dir, "sums", 90, false),
                SyntheticFiles.task(dir, "totals", 45, false));
        Path router = dir.resolve("router.json.gz");
        EvalRun.train(options(scored, models, router, List.of()), QUIET);

        EvalRun.eval(options(scored, models, dir.resolve("scored"), List.of("--model", router.toString())),
                List.of(), QUIET);
        EvalRun.eval(options(stripped, models, dir.resolve("blind"), List.of("--model", router.toString(),
                "--blind")), List.of(), QUIET);
        EvalRun.eval(options(scored, models, dir.resolve("dropped"), List.of("--model", router.toString(),
                "--blind")), List.of(), QUIET);

        byte[] decisions = Files.readAllBytes(dir.resolve("scored/decisions.jsonl"));
        assertThat(Files.readAllBytes(dir.resolve("blind/decisions.jsonl"))).isEqualTo(decisions);
        assertThat(Files.readAllBytes(dir.resolve("dropped/decisions.jsonl"))).isEqualTo(decisions);
        assertThat(Files.readAllLines(dir.resolve("scored/decisions.jsonl"))).hasSize(135);
        JsonNode blind = Json.tree(Files.readString(dir.resolve("blind/report.json")));
        assertThat(blind.get("tasks").get(0).get("policy_quality").isNull()).isTrue();
        assertThat(blind.get("tasks").get(0).get("policy_cost_usd").decimalValue()).isPositive();
    }

    @Test
    void aBlindRunWithAnEmbeddingRouterWritesTheSameDecisions() throws IOException {
        Path models = SyntheticFiles.models(dir);
        List<Path> scored = List.of(SyntheticFiles.task(dir, "sums", 40, true),
                SyntheticFiles.task(dir, "totals", 20, true));
        List<Path> stripped = List.of(SyntheticFiles.task(dir, "sums", 40, false),
                SyntheticFiles.task(dir, "totals", 20, false));
        Path router = dir.resolve("embedding.router.json.gz");
        List<String> small = List.of("--embedder", "minilm/last-32", "--embedding-cache", "none");
        EvalRun.train(options(scored, models, router, concat(small, "--predictor", "embedding")), QUIET);

        EvalRun.eval(options(scored, models, dir.resolve("scored"), List.of("--model", router.toString())),
                List.of(), QUIET);
        EvalRun.eval(options(stripped, models, dir.resolve("blind"), List.of("--model", router.toString(),
                "--blind")), List.of(), QUIET);

        assertThat(RouterArtifact.read(router).embedderId()).isEqualTo("all-minilm-l6-v2-q/last-32");
        byte[] decisions = Files.readAllBytes(dir.resolve("scored/decisions.jsonl"));
        assertThat(decisions).isNotEmpty();
        assertThat(Files.readAllBytes(dir.resolve("blind/decisions.jsonl"))).isEqualTo(decisions);
        assertThatThrownBy(() -> EvalRun.eval(options(scored, models, dir.resolve("other"), List.of("--model",
                router.toString(), "--embedder", "minilm/last-64")), List.of(), QUIET))
                .hasMessageContaining("trained on prompt embeddings of all-minilm-l6-v2-q/last-32")
                .hasMessageContaining("the embedder given is all-minilm-l6-v2-q/last-64");
    }

    @Test
    void writesDecisionsReportAndPlotsWithEveryFieldOfTheIssue() throws IOException {
        Path models = SyntheticFiles.models(dir);
        List<Path> data = List.of(SyntheticFiles.task(dir, "sums", 90, true),
                SyntheticFiles.task(dir, "totals", 45, true));
        Path out = dir.resolve("cv");

        List<TaskResult> results = EvalRun.eval(options(data, models, out, List.of("--cv", "3")), List.of(), QUIET);

        assertThat(results).extracting(TaskResult::task).containsExactly("sums", "totals", "overall");
        JsonNode report = Json.tree(Files.readString(out.resolve("report.json")));
        JsonNode sums = report.get("tasks").get(0);
        for (String field : List.of("n", "policy_quality", "policy_cost_usd", "best_model", "best_quality",
                "best_cost_usd", "cheapest_model", "oracle_quality", "oracle_cost_usd", "hull_saving_at_target",
                "policy_saving_at_target", "aiq_policy", "aiq_hull", "apgr", "cpt50", "cpt80")) {
            assertThat(sums.has(field)).as(field).isTrue();
            assertThat(report.get("overall").has(field)).as(field).isTrue();
        }
        assertThat(sums.get("n").asInt()).isEqualTo(90);
        assertThat(sums.get("best_model").asText()).isEqualTo("large");
        // agreeing cheap answers are always right here: the policy keeps the best quality for less
        assertThat(sums.get("policy_quality").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(sums.get("policy_cost_usd").decimalValue()).isLessThan(sums.get("best_cost_usd").decimalValue());
        JsonNode first = Json.tree(Files.readAllLines(out.resolve("decisions.jsonl")).get(0));
        assertThat(first.get("id").asText()).isEqualTo("synthetic/sums/0");
        assertThat(first.get("calls").get(0).asText()).isEqualTo("small");
        assertThat(first.has("answered_by")).isTrue();
        assertThat(Files.readString(out.resolve("report.md"))).contains("| sums | 90 |")
                .contains("## Calibrated to other targets").contains("## How sure (200 resamples of the prompts)");
        JsonNode bootstrap = sums.get("bootstrap");
        assertThat(bootstrap.get("resamples").asInt()).isEqualTo(200);
        assertThat(bootstrap.get("aiq_target_met").asDouble()).isBetween(0.0, 1.0);
        assertThat(bootstrap.get("policy_saving90")).hasSize(2);
        // the default ladder: routers calibrated to 70% ... 100% but the 95% of the operating point
        JsonNode ladder = sums.get("target_curve");
        assertThat(ladder).hasSize(12);
        assertThat(ladder.get(0).get("target_share").asDouble()).isEqualTo(0.7);
        assertThat(ladder.get(0).get("cost_usd").decimalValue())
                .isLessThanOrEqualTo(ladder.get(11).get("cost_usd").decimalValue());
        assertThat(ImageIO.read(out.resolve("curve-sums.png").toFile()).getWidth()).isEqualTo(1000);
        assertThat(out.resolve("curve-overall.png")).exists();
    }

    @Test
    void calibratesToABudgetOfStrongModelCallsAndReportsWhereItLanded() throws IOException {
        Path models = SyntheticFiles.models(dir);
        List<Path> data = List.of(SyntheticFiles.task(dir, "sums", 90, true));
        Path out = dir.resolve("budget");

        List<TaskResult> results = EvalRun.eval(options(data, models, out, List.of("--cv", "3",
                "--target-strong-share", "0.1", "--ladder", "0.95")), List.of(), QUIET);

        // two cheap answers disagree on half the prompts: within 10% of calls to large, quality must give
        assertThat(results.get(0).operating().callShare("large")).isLessThanOrEqualTo(0.1);
        assertThat(results.get(0).metrics().policyQuality()).isLessThan(0.95);
        JsonNode report = Json.tree(Files.readString(out.resolve("report.json")));
        assertThat(report.get("target_strong_call_share").asDouble()).isEqualTo(0.1);
        JsonNode sums = report.get("tasks").get(0);
        assertThat(sums.get("strong_call_share").asDouble()).isLessThanOrEqualTo(0.1);
        // the ladder keeps the quality target itself: the operating router is not at it
        assertThat(sums.get("target_curve").get(0).get("target_share").asDouble()).isEqualTo(0.95);
        assertThat(sums.get("target_curve").get(0).get("quality").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(Files.readString(out.resolve("report.md"))).contains("## Budget of strong-model calls")
                .contains("at most 10.0% of prompts calling the strongest model");
        assertThatThrownBy(() -> options(data, models, out, List.of("--target-strong-share", "1.5")))
                .hasMessageContaining("share of strong-model calls must be in [0, 1]");
    }

    @Test
    void crossValidatesACompetitorsApproachOnTheSameFoldsAndReportsIt() throws IOException {
        Path models = SyntheticFiles.models(dir);
        List<Path> data = List.of(SyntheticFiles.task(dir, "sums", 90, true));

        EvalRun.eval(options(data, models, dir.resolve("gate"), List.of("--cv", "3", "--baseline",
                "cascadeflow-gate", "--ladder", "0.9")), List.of(), QUIET);
        EvalRun.eval(options(data, models, dir.resolve("sw"), List.of("--cv", "3", "--baseline", "routellm-sw",
                "--ladder", "none")), List.of(), QUIET);

        List<JsonNode> gate = decisions(dir.resolve("gate"));
        assertThat(gate).hasSize(90).allSatisfy(d -> {
            // a drafter cheaper than large, then large when the draft fails the check
            assertThat(d.get("calls").get(0).asText()).isNotEqualTo("large");
            assertThat(d.get("calls").size()).isBetween(1, 2);
            if (d.get("calls").size() == 2) {
                assertThat(d.get("calls").get(1).asText()).isEqualTo("large");
            }
        });
        assertThat(decisions(dir.resolve("sw"))).hasSize(90).allSatisfy(d -> {
            assertThat(d.get("calls").size()).isEqualTo(1);
            assertThat(d.get("answered_by").asText()).isIn("small", "large");
        });
        JsonNode report = Json.tree(Files.readString(dir.resolve("gate/report.json")));
        assertThat(report.get("mode").asText()).contains("3-fold cross-validation").contains("baseline "
                + "cascadeflow-gate");
        assertThat(report.get("tasks").get(0).get("target_curve").get(0).get("target_share").asDouble())
                .isEqualTo(0.9);
        assertThat(Files.readString(dir.resolve("sw/report.md"))).contains("baseline routellm-sw");
        assertThatThrownBy(() -> options(data, models, dir.resolve("x"), List.of("--baseline", "litellm")))
                .hasMessageContaining("unknown baseline 'litellm', known: routellm-sw, routellm-mf, "
                        + "cascadeflow-gate");
        assertThatThrownBy(() -> options(data, models, dir.resolve("x"), List.of("--baseline", "routellm-sw",
                "--target-strong-share", "0.2"))).hasMessageContaining("--baseline is fitted in the run");
    }

    @Test
    void runsBaselinesBesideTheRouterOnTheSameFoldsAndPairsTheResamples() throws IOException {
        Path models = SyntheticFiles.models(dir);
        List<Path> data = List.of(SyntheticFiles.task(dir, "sums", 90, true),
                SyntheticFiles.task(dir, "totals", 45, true));

        List<TaskResult> results = EvalRun.eval(options(data, models, dir.resolve("versus"), List.of("--cv", "3",
                "--versus", "cascadeflow-gate,routellm-sw", "--ladder", "0.9")), List.of(), QUIET);
        EvalRun.eval(options(data, models, dir.resolve("alone"), List.of("--cv", "3", "--ladder", "0.9")),
                List.of(), QUIET);
        EvalRun.eval(options(data, models, dir.resolve("gate"), List.of("--cv", "3", "--baseline",
                "cascadeflow-gate", "--ladder", "0.9")), List.of(), QUIET);

        // the router's own decisions do not change for running baselines beside it
        assertThat(Files.readAllBytes(dir.resolve("versus/decisions.jsonl")))
                .isEqualTo(Files.readAllBytes(dir.resolve("alone/decisions.jsonl")));
        JsonNode report = Json.tree(Files.readString(dir.resolve("versus/report.json")));
        assertThat(report.get("mode").asText()).endsWith(", against cascadeflow-gate, routellm-sw");
        List<String> definitions = new ArrayList<>();
        report.get("definitions").fieldNames().forEachRemaining(definitions::add);
        assertThat(definitions).contains("versus").isSorted(); // the same order from one run to the next
        JsonNode sums = report.get("tasks").get(0);
        JsonNode alone = Json.tree(Files.readString(dir.resolve("alone/report.json"))).get("tasks").get(0);
        assertThat(sums.get("policy_saving_at_target")).isEqualTo(alone.get("policy_saving_at_target"));
        assertThat(sums.get("versus")).hasSize(2);
        // the baseline beside the router is the one --baseline runs on its own: the same folds, the same numbers
        JsonNode gate = Json.tree(Files.readString(dir.resolve("gate/report.json"))).get("tasks").get(0);
        JsonNode gateBeside = sums.get("versus").get(0);
        assertThat(gateBeside.get("baseline").asText()).isEqualTo("cascadeflow-gate");
        for (String field : List.of("policy_quality", "policy_saving_at_target", "aiq_policy", "apgr")) {
            assertThat(gateBeside.get(field)).as(field).isEqualTo(gate.get(field));
        }
        JsonNode paired = gateBeside.get("paired");
        assertThat(paired.get("resamples").asInt()).isEqualTo(200);
        assertThat(paired.get("saving_higher").asDouble() + paired.get("saving_tied").asDouble())
                .isBetween(0.0, 1.0);
        assertThat(report.get("overall").get("versus")).hasSize(2);
        // where the whole run's savings are far apart the resamples side with it: on sums the router saves about
        // 45%, both baselines under 5%
        TaskResult first = results.get(0);
        assertThat(first.task()).isEqualTo("sums");
        assertThat(first.rivals()).allSatisfy(rival -> {
            assertThat(first.metrics().policySavingAtTarget() - rival.metrics().policySavingAtTarget())
                    .isGreaterThan(0.3);
            assertThat(rival.paired().savingHigher()).isGreaterThan(0.9);
            assertThat(rival.paired().savingDifference90().get(0)).isPositive();
            assertThat(rival.paired().aiqHigher()).isGreaterThan(0.9);
        });
        assertThat(Files.readString(dir.resolve("versus/report.md")))
                .contains("## Against the baselines, paired (200 resamples)").contains("| sums | routellm-sw | ");
        assertThat(Files.readString(dir.resolve("alone/report.md"))).doesNotContain("Against the baselines");
        assertThatThrownBy(() -> options(data, models, dir.resolve("x"), List.of("--versus", "routellm-sw",
                "--baseline", "cascadeflow-gate"))).hasMessageContaining("--versus runs the baselines beside");
        assertThatThrownBy(() -> options(data, models, dir.resolve("x"), List.of("--versus", "litellm")))
                .hasMessageContaining("unknown baseline 'litellm'");
        assertThat(options(data, models, dir.resolve("x"), List.of("--versus", "all")).versus())
                .containsExactly("routellm-sw", "routellm-mf", "cascadeflow-gate");
    }

    @Test
    void holdsOutEachTaskForABaselineToo() throws IOException {
        Path models = SyntheticFiles.models(dir);
        List<Path> data = List.of(SyntheticFiles.task(dir, "sums", 60, true),
                SyntheticFiles.task(dir, "totals", 45, true));

        List<TaskResult> results = EvalRun.eval(options(data, models, dir.resolve("held"), List.of("--holdout-task",
                "--baseline", "cascadeflow-gate", "--ladder", "none")), List.of(), QUIET);

        assertThat(results.get(0).metrics().n()).isEqualTo(60);
        assertThat(results.get(1).metrics().n()).isEqualTo(45);
        assertThat(Json.tree(Files.readString(dir.resolve("held/report.json"))).get("mode").asText())
                .isEqualTo("held-out tasks (each task decided by a baseline trained on the others), baseline "
                        + "cascadeflow-gate");
        assertThat(decisions(dir.resolve("held"))).hasSize(105);
    }

    private static List<JsonNode> decisions(Path out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("decisions.jsonl"))) {
            lines.add(Json.tree(line));
        }
        return lines;
    }

    @Test
    void holdsOutEachTaskWhenAsked() throws IOException {
        Path models = SyntheticFiles.models(dir);
        List<Path> data = List.of(SyntheticFiles.task(dir, "sums", 60, true),
                SyntheticFiles.task(dir, "totals", 60, true));

        List<TaskResult> results = EvalRun.eval(options(data, models, dir.resolve("held"),
                List.of("--holdout-task")), List.of(), QUIET);

        assertThat(results.get(0).metrics().n()).isEqualTo(60);
        assertThat(Files.readString(dir.resolve("held/report.json"))).contains("held-out tasks");
    }

    @Test
    void refusesToTrainOrCalibrateWithoutScores() throws IOException {
        Path models = SyntheticFiles.models(dir);
        List<Path> stripped = List.of(SyntheticFiles.task(dir, "sums", 10, false));

        assertThatThrownBy(() -> EvalRun.eval(options(stripped, models, dir.resolve("x"), List.of()), List.of(),
                QUIET)).hasMessageContaining("no scores");
        assertThatThrownBy(() -> EvalRun.train(options(stripped, models, dir.resolve("r.json"), List.of()), QUIET))
                .hasMessageContaining("scored");
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private static EvalOptions options(List<Path> data, Path models, Path out, List<String> extra) {
        List<String> args = new ArrayList<>();
        data.forEach(file -> args.addAll(List.of("--data", file.toString())));
        args.addAll(List.of("--models", models.toString(), "--out", out.toString()));
        args.addAll(extra);
        boolean train = out.getFileName().toString().contains(".json");
        return EvalOptions.parse(args, train);
    }
}
