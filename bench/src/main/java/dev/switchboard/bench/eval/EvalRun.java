package dev.switchboard.bench.eval;

import dev.switchboard.core.baseline.Baseline;
import dev.switchboard.core.baseline.BaselineRouting;
import dev.switchboard.core.classify.RuleClassifier;
import dev.switchboard.core.policy.RecordedPrompt;
import dev.switchboard.core.policy.RecordedRouting;
import dev.switchboard.core.policy.RoutedPrompt;
import dev.switchboard.core.policy.RouterArtifact;
import dev.switchboard.core.policy.RouterTrainer;
import dev.switchboard.core.policy.TextEmbedder;
import dev.switchboard.core.policy.TrainedRouter;
import dev.switchboard.core.recorded.RecordedCatalog;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One offline routing run: read the benchmark files, decide every prompt with a trained router (or routers trained
 * inside the run by cross-validation or with tasks held out), and write the decisions, the report and the plots.
 */
public final class EvalRun {

    private EvalRun() {
    }

    /** Runs {@code ./switchboard eval}; returns the per-task results (metrics null when blind). */
    public static List<TaskResult> eval(EvalOptions options, List<String> command, PrintStream log) {
        RecordedData data = RecordedData.read(options.data(), options.models(), options.blind());
        boolean scored = !options.blind() && data.scored();
        if (!scored && options.router() == null) {
            throw new IllegalArgumentException("the data carry no scores: give --model ARTIFACT trained on scored "
                    + "data (and --blind)");
        }
        log.println("Reading and classifying " + data.lines().size() + " prompts ...");
        List<RecordedPrompt> prompts = RecordedPrompt.of(data.lines(), new RuleClassifier());
        log.println("Deciding with " + options.mode() + " ...");
        TrainedRouter router = options.router() == null ? null : RouterArtifact.read(options.router());
        boolean embeds = (options.baseline() != null ? Baseline.needsEmbedder(options.baseline())
                : options.settings().needsEmbedder()) || options.versus().stream().anyMatch(Baseline::needsEmbedder);
        String embedderId = router != null ? router.embedderId() : embeds ? trainingEmbedder(options) : null;
        if (router != null && options.embedder() != null) {
            embedderId = options.embedder(); // the predictor says so clearly when it is not the one it was trained with
        }
        List<RoutedPrompt> routed;
        Map<String, List<RoutedPrompt>> rivals = new LinkedHashMap<>();
        if (embedderId == null) {
            routed = route(options, data, router, null, prompts, scored, log);
            options.versus().forEach(name -> rivals.put(name, baseline(options, name, null, prompts, log)));
        } else {
            try (PromptEmbeddings embeddings = PromptEmbeddings.open(embedderId, options.cache())) {
                embeddings.embedAll(prompts, log);
                routed = route(options, data, router, embeddings.embedder(), prompts, scored, log);
                options.versus().forEach(name -> rivals.put(name, baseline(options, name, embeddings.embedder(),
                        prompts, log)));
            }
        }
        List<Double> ladder = router == null ? options.ladder() : List.of();
        List<TaskResult> results = EvalResults.measure(routed, rivals, RecordedCatalog.toCatalog(data.models()),
                options.settings().targetShare(), ladder, scored);
        write(options, command, routed, results, scored);
        return results;
    }

    /** Runs {@code ./switchboard train}: fits a router on all the given (scored) prompts and saves it. */
    public static TrainedRouter train(EvalOptions options, PrintStream log) {
        RecordedData data = RecordedData.read(options.data(), options.models(), false);
        if (!data.scored()) {
            throw new IllegalArgumentException("training needs scored data; some outcomes have no score");
        }
        log.println("Reading and classifying " + data.lines().size() + " prompts ...");
        List<RecordedPrompt> prompts = RecordedPrompt.of(data.lines(), new RuleClassifier());
        log.println("Training (calibrated to " + options.settings().calibration() + ", families "
                + options.settings().families() + ", signals " + options.settings().signals() + ") ...");
        TrainedRouter router;
        if (options.settings().needsEmbedder()) {
            try (PromptEmbeddings embeddings = PromptEmbeddings.open(trainingEmbedder(options), options.cache())) {
                embeddings.embedAll(prompts, log);
                router = new RouterTrainer(options.settings(), embeddings.embedder()).train(prompts, data.modelIds());
            }
        } else {
            router = new RouterTrainer(options.settings()).train(prompts, data.modelIds());
        }
        RouterArtifact.write(router, options.out());
        return router;
    }

    private static String trainingEmbedder(EvalOptions options) {
        return options.embedder() == null ? EvalOptions.DEFAULT_EMBEDDER : options.embedder();
    }

    private static List<RoutedPrompt> route(EvalOptions options, RecordedData data, TrainedRouter router,
                                            TextEmbedder embedder, List<RecordedPrompt> prompts, boolean scored,
                                            PrintStream log) {
        if (router != null) {
            if (!router.models().equals(data.modelIds())) {
                throw new IllegalArgumentException("the router was trained on models " + router.models()
                        + ", the models file lists " + data.modelIds());
            }
            return RecordedRouting.route(router, embedder, prompts, scored);
        }
        if (options.baseline() != null) {
            return baseline(options, options.baseline(), embedder, prompts, log);
        }
        if (options.holdOutTasks()) {
            return RecordedRouting.holdOutTasks(prompts, data.modelIds(), options.settings(), embedder,
                    options.ladder());
        }
        return RecordedRouting.crossValidate(prompts, data.modelIds(), options.settings(), embedder,
                options.folds(), options.ladder());
    }

    /** A competitor's approach on the run's folds (or held-out tasks), target and ladder. */
    private static List<RoutedPrompt> baseline(EvalOptions options, String name, TextEmbedder embedder,
                                               List<RecordedPrompt> prompts, PrintStream log) {
        Baseline baseline = Baseline.of(name, embedder, options.settings().seed());
        log.println("Baseline: " + baseline.description());
        return options.holdOutTasks()
                ? BaselineRouting.holdOutTasks(prompts, baseline, options.settings().targetShare(), options.ladder())
                : BaselineRouting.crossValidate(prompts, baseline, options.settings().targetShare(),
                options.settings().seed(), options.folds(), options.ladder());
    }

    private static void write(EvalOptions options, List<String> command, List<RoutedPrompt> routed,
                              List<TaskResult> results, boolean scored) {
        Path dir = options.out();
        try {
            Files.createDirectories(dir);
            DecisionsFile.write(routed, dir.resolve("decisions.jsonl"));
            Files.writeString(dir.resolve("report.json"), ReportJson.render(options, results, command) + "\n",
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.md"), ReportMarkdown.render(options, results, command),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir, e);
        }
        if (scored) {
            results.forEach(result -> CurvePlot.write(result, dir));
        }
    }
}
