package dev.switchboard.bench.classifier;

import dev.switchboard.core.classify.RuleClassifier;
import dev.switchboard.core.policy.BlendedQualityPredictor;
import dev.switchboard.core.policy.PromptView;
import dev.switchboard.core.policy.RecordedPrompt;
import dev.switchboard.core.policy.RouterTrainer;
import dev.switchboard.core.recorded.BenchmarkLine;
import dev.switchboard.core.recorded.BenchmarkReader;
import dev.switchboard.core.recorded.RecordedCatalog;
import dev.switchboard.embedding.EmbeddingCache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The classifier benchmark's inputs, from the recorded routing data: the predictor trained on every RouteLLM prompt,
 * and request prompts of three kinds — short chat (MT-Bench turns, MMLU questions: tens of tokens), medium (ZeroEval
 * GSM8K and CRUXEval prompts: 150–250 tokens) and long few-shot (RouteLLM GSM8K 8-shot, ARC 5-shot: 500–1000
 * tokens, cut to the embedder's last tokens).
 */
final class BenchmarkPrompts {

    private static final int PER_FILE = 40;
    private static final long SEED = 20240611L;

    private BenchmarkPrompts() {
    }

    /** The request prompts of one kind ({@code mix}: all three, interleaved), the same on every run. */
    static List<BenchmarkLine> of(Path dir, String kind) {
        List<String> files = switch (kind) {
            case "short" -> List.of("routellm-mt_bench", "routellm-mmlu");
            case "medium" -> List.of("zeroeval-gsm8k", "zeroeval-crux");
            case "long" -> List.of("routellm-gsm8k", "routerbench-arc_challenge");
            case "mix" -> List.of("routellm-mt_bench", "zeroeval-gsm8k", "routellm-gsm8k", "routellm-mmlu",
                    "zeroeval-crux", "routerbench-arc_challenge");
            default -> throw new IllegalArgumentException("prompts must be mix, short, medium or long: " + kind);
        };
        Random random = new Random(SEED);
        List<List<BenchmarkLine>> samples = new ArrayList<>();
        for (String file : files) {
            List<BenchmarkLine> lines = new ArrayList<>(read(dir.resolve(file + ".dev.jsonl")));
            Collections.shuffle(lines, random);
            samples.add(lines.subList(0, Math.min(PER_FILE, lines.size())));
        }
        List<BenchmarkLine> interleaved = new ArrayList<>();
        for (int i = 0; i < PER_FILE; i++) {
            for (List<BenchmarkLine> sample : samples) {
                if (i < sample.size()) {
                    interleaved.add(sample.get(i));
                }
            }
        }
        return interleaved;
    }

    /**
     * The blended predictor (word and embedding kNN, as {@code ./switchboard train} fits by default) over every RouteLLM
     * prompt, with training's defaults (k = 25, shrinkage 1, equal weights).
     */
    static BlendedQualityPredictor trainedPredictor(Path dir, EmbeddingCache embedder) {
        List<String> models;
        try (InputStream in = Files.newInputStream(dir.resolve("routellm.models.json"))) {
            models = RecordedCatalog.readModels(in, "routellm.models.json").stream().map(m -> m.id()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the routing data in " + dir, e);
        }
        List<BenchmarkLine> lines = new ArrayList<>();
        for (String task : List.of("gsm8k", "mmlu", "mt_bench")) {
            lines.addAll(read(dir.resolve("routellm-" + task + ".dev.jsonl")));
        }
        List<PromptView> views = RecordedPrompt.of(lines, new RuleClassifier()).stream().map(RecordedPrompt::view)
                .toList();
        embedder.embedAll(views.stream().map(PromptView::text).toList(), 2, System.out);
        List<double[]> scores = lines.stream().map(line -> models.stream()
                .mapToDouble(m -> line.outcome(m).orElseThrow().score()).toArray()).toList();
        return BlendedQualityPredictor.train(models, views, scores, 25, 1.0, embedder,
                RouterTrainer.BLEND_WORDS_WEIGHT);
    }

    private static List<BenchmarkLine> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the classifier benchmark reads the recorded routing data: " + file
                    + " not found (give -p data=DIR)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return BenchmarkReader.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
