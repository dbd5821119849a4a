package dev.switchboard.bench.classifier;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.classify.RuleClassifier;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.policy.LevelTransfer;
import dev.switchboard.core.policy.PromptView;
import dev.switchboard.core.policy.RecordedAnswers;
import dev.switchboard.core.policy.RouterArtifact;
import dev.switchboard.core.policy.TrainedPredictor;
import dev.switchboard.core.policy.TrainedRouter;
import dev.switchboard.core.recorded.BenchmarkLine;
import dev.switchboard.embedding.EmbeddingCache;
import dev.switchboard.embedding.EmbeddingModel;
import dev.switchboard.embedding.OnnxTextEmbedder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the classifier adds to one request: the rule classification (task, tokens, complexity), the prompt's
 * embedding and the default (blended) predictor's chance per model — the word and the embedding kNN over every
 * training prompt of the RouteLLM files (9312, the largest source; the request's feature is one training never saw,
 * so all are scanned).
 * Requests cycle through recorded prompts of the chosen {@code prompts} kind (see {@link BenchmarkPrompts}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(1)
public class ClassifierBenchmark {

    /** A feature (task) no training prompt had: the predictor scans every training prompt, the worst case. */
    static final String UNSEEN_FEATURE = "benchmark";

    /** {@code mix} (a third each), {@code short}, {@code medium} or {@code long}. */
    @Param({"mix", "short", "medium", "long"})
    public String prompts;

    /** ONNX Runtime intra-op threads per embedding. */
    @Param({"1", "2"})
    public int threads;

    /** The embedding model ({@code minilm}, {@code bge-small}). */
    @Param("minilm")
    public String model;

    /** Tokens read from the end of a prompt. */
    @Param("64")
    public int tokens;

    /** The recorded routing data (../shared/data/routing). */
    @Param("../shared/data/routing")
    public String data;

    /** Where training vectors are cached between runs; empty for none. */
    @Param("bench/target/embedding-cache")
    public String cache;

    /**
     * A trained router to predict with instead of one trained on the RouteLLM files, e.g. the one the classifier
     * ships; its predictions are then carried over to the built-in catalog as the classifier does. Empty: train.
     */
    @Param("")
    public String router;

    private RuleClassifier classifier;
    private LevelTransfer transfer;
    private OnnxTextEmbedder embedder;
    private TrainedPredictor predictor;
    private List<LlmRequest> requests;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Path dir = Path.of(data);
        classifier = new RuleClassifier();
        if (router.isBlank()) {
            embedder = new OnnxTextEmbedder(EmbeddingModel.of(model), tokens, threads);
            EmbeddingCache training = new EmbeddingCache(embedder, cache.isBlank() ? null : Path.of(cache));
            predictor = BenchmarkPrompts.trainedPredictor(dir, training).state().predictor(embedder);
        } else {
            TrainedRouter trained = RouterArtifact.read(Path.of(router));
            embedder = OnnxTextEmbedder.forId(trained.embedderId(), threads);
            predictor = trained.predictor().predictor(embedder);
            transfer = new LevelTransfer(trained.modelLevels());
        }
        requests = BenchmarkPrompts.of(dir, prompts).stream().map(ClassifierBenchmark::request).toList();
        next = 0;
    }

    private static LlmRequest request(BenchmarkLine line) {
        BenchmarkLine unseen = new BenchmarkLine(line.id(), line.source(), UNSEEN_FEATURE, line.prompt(),
                line.turns(), line.outcomes());
        return RecordedAnswers.request(unseen);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        embedder.close();
    }

    /** One request: classify, embed, predict. */
    @Benchmark
    public Map<String, Double> classify() {
        LlmRequest request = requests.get(next);
        next = (next + 1) % requests.size();
        PromptView view = PromptView.of(request, classifier.classify(request));
        Map<String, Double> predicted = predictor.predict(view);
        return transfer == null ? predicted : transfer.toCatalog(predicted, CATALOG);
    }

    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();
}
