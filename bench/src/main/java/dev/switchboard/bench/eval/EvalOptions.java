package dev.switchboard.bench.eval;

import dev.switchboard.core.baseline.Baseline;
import dev.switchboard.core.policy.PredictorState;
import dev.switchboard.core.policy.RecordedRouting;
import dev.switchboard.core.policy.RouterSettings;
import dev.switchboard.core.policy.Signal;
import dev.switchboard.embedding.EmbeddingModel;
import dev.switchboard.embedding.OnnxTextEmbedder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The options of {@code ./switchboard eval} and {@code ./switchboard train}.
 *
 * @param data         benchmark files of one source
 * @param models       the source's models file
 * @param out          eval: the report directory; train: the router file to write
 * @param router       eval: a trained router to decide with; null to train inside the run (cross-validation)
 * @param folds        eval: k of k-fold cross-validation when no router is given
 * @param holdOutTasks eval: decide each task with a router trained on the other tasks only
 * @param blind        eval: drop every score while reading (the decisions must not change)
 * @param settings     how routers are trained (target, families, signals, predictor)
 * @param embedder     the prompt embedder's id, when the predictor reads embeddings; null: the default for
 *                     training, the one the router was trained with for {@code --model}
 * @param cache        where prompt vectors are kept between runs; null: in memory for this run only
 * @param ladder       eval: other target shares each router trained in the run is also calibrated to, for the
 *                     policy's curve as its target moves (never the operating target itself); empty: none
 * @param baseline     eval: a competitor's approach to cross-validate instead of Switchboard's router
 *                     ({@link Baseline#NAMES}); null: Switchboard's
 * @param versus       eval: competitors' approaches run beside Switchboard's router on the same folds (or held-out
 *                     tasks) and compared with it over the same resamples of the prompts; empty: none
 */
public record EvalOptions(List<Path> data, Path models, Path out, Path router, int folds, boolean holdOutTasks,
                          boolean blind, RouterSettings settings, String embedder, Path cache,
                          List<Double> ladder, String baseline, List<String> versus) {

    public static final int DEFAULT_FOLDS = 5;

    /** The usage lines of the options {@code eval} and {@code train} share: how routers are trained. */
    static final String TRAINING_OPTIONS = """
              --families LIST        policy families to choose from: threshold,cascade (default both)
              --signals LIST         cascade evidence: prior,gate,final_answer,arithmetic,agreement,length (default all)
              --predictor KIND       what the prompt predictor reads: words (hashed words), embedding (sentence
                                     embeddings) or blend (the mean of both; the default)
              --embedder ID          the embedding model and cut, MODEL/last-N: minilm/last-64 (default) or
                                     bge-small/last-N (eval --model: the router's own; another one is refused)
              --embedding-cache DIR  where prompt vectors are kept between runs (default bench/target/
                                     embedding-cache of this checkout; none: this run only)
              --neighbours K, --prior-weight W, --ridge R, --seed S
                                     predictor k (25), its shrinkage to the task mean (1.0), the acceptance models'
                                     L2 penalty (0.01) and the seed of every shuffle (20240611)
            """;
    /**
     * The predictor training uses unless told otherwise: the blend of words and embeddings routed best in 5-fold
     * cross-validation (docs/routing-eval.md, "Prompt embeddings").
     */
    public static final String DEFAULT_PREDICTOR = PredictorState.BLEND;
    /** The embedder training uses unless told otherwise: as good as 128 tokens for routing, half the time. */
    public static final String DEFAULT_EMBEDDER = OnnxTextEmbedder.id(EmbeddingModel.MINILM, 64);

    public EvalOptions {
        data = List.copyOf(data);
        versus = List.copyOf(versus);
        double target = settings.targetShare();
        // With a budget of strong calls the operating router is not at the quality target: the ladder keeps it.
        boolean budget = settings.strongCallShare() != null;
        ladder = ladder.stream().filter(share -> budget || share != target).distinct().sorted().toList();
    }

    /** How the run decides: for the report and the console. */
    public String mode() {
        if (router != null) {
            return "trained router " + router;
        }
        String vectors = " (" + OnnxTextEmbedder.normalise(embedder == null ? DEFAULT_EMBEDDER : embedder) + ")";
        String decider = baseline != null ? "baseline " + baseline + (Baseline.needsEmbedder(baseline) ? vectors : "")
                : settings.predictor() + " predictor" + (settings.needsEmbedder() ? vectors : "");
        return (holdOutTasks ? "held-out tasks (each task decided by a " + (baseline != null ? "baseline" : "router")
                + " trained on the others)" : folds + "-fold cross-validation (seed " + settings.seed() + ")") + ", "
                + decider + (versus.isEmpty() ? "" : ", against " + String.join(", ", versus));
    }

    /**
     * Parses the options after the command.
     *
     * @param train true for {@code train}, which takes no eval-only option
     * @throws IllegalArgumentException naming the option that is unknown, lacks a value or has a bad one
     */
    public static EvalOptions parse(List<String> args, boolean train) {
        Parser p = new Parser(train);
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--holdout-task") || option.equals("--blind")) {
                requireEval(option, train);
                p.holdOut |= option.equals("--holdout-task");
                p.blind |= option.equals("--blind");
                continue;
            }
            String value = i + 1 < args.size() ? args.get(++i) : "";
            if (value.isBlank() || value.startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            p.apply(option, value);
        }
        return p.options();
    }

    /** The options read so far. */
    private static final class Parser {
        private final boolean train;
        private final List<Path> data = new ArrayList<>();
        private final RouterSettings defaults = RouterSettings.defaults(RouterSettings.DEFAULT_TARGET);
        private Path models;
        private Path out;
        private Path router;
        private Integer folds;
        private boolean holdOut;
        private boolean blind;
        private double target = RouterSettings.DEFAULT_TARGET;
        private Double strongShare;
        private List<String> families = defaults.families();
        private Set<Signal> signals = defaults.signals();
        private long seed = defaults.seed();
        private int neighbours = defaults.neighbours();
        private double priorWeight = defaults.priorWeight();
        private double ridge = defaults.ridge();
        private String predictor = DEFAULT_PREDICTOR;
        private String embedder;
        private Path cache = defaultCache();
        private List<Double> ladder = RecordedRouting.DEFAULT_LADDER;
        private String baseline;
        private List<String> versus = List.of();

        Parser(boolean train) {
            this.train = train;
        }

        void apply(String option, String value) {
            switch (option) {
                case "--data" -> data.add(Path.of(value));
                case "--models" -> models = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--target-quality" -> target = number(option, value);
                case "--target-strong-share" -> strongShare = number(option, value);
                case "--families" -> families = List.of(value.split(","));
                case "--signals" -> signals = signals(value);
                case "--seed" -> seed = whole(option, value);
                case "--neighbours" -> neighbours = whole(option, value);
                case "--prior-weight" -> priorWeight = number(option, value);
                case "--ridge" -> ridge = number(option, value);
                case "--predictor" -> predictor = value;
                case "--embedder" -> embedder = value;
                case "--embedding-cache" -> cache = value.equals("none") ? null : Path.of(value);
                case "--model" -> {
                    requireEval(option, train);
                    router = Path.of(value);
                }
                case "--ladder" -> {
                    requireEval(option, train);
                    ladder = value.equals("none") ? List.of() : shares(option, value);
                }
                case "--baseline" -> {
                    requireEval(option, train);
                    baseline = Baseline.known(value);
                }
                case "--versus" -> {
                    requireEval(option, train);
                    versus = value.equals("all") ? Baseline.NAMES : Arrays.stream(value.split(","))
                            .map(String::strip).map(Baseline::known).distinct().toList();
                }
                case "--cv" -> {
                    requireEval(option, train);
                    folds = whole(option, value);
                }
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }

        EvalOptions options() {
            if (data.isEmpty() || models == null || out == null) {
                throw new IllegalArgumentException("--data FILE, --models FILE and --out "
                        + (train ? "ARTIFACT" : "DIR") + " are required");
            }
            if (router != null && (folds != null || holdOut)) {
                throw new IllegalArgumentException("--model decides with a trained router; --cv and --holdout-task "
                        + "train their own: give one or the other");
            }
            if (blind && router == null) {
                throw new IllegalArgumentException("--blind needs --model ARTIFACT: without scores nothing can be "
                        + "trained or calibrated");
            }
            if (baseline != null && (router != null || strongShare != null)) {
                throw new IllegalArgumentException("--baseline is fitted in the run and calibrated to a quality "
                        + "target: it takes no --model or --target-strong-share");
            }
            if (!versus.isEmpty() && (router != null || strongShare != null || baseline != null)) {
                throw new IllegalArgumentException("--versus runs the baselines beside Switchboard's router, both "
                        + "fitted in the run and calibrated to a quality target: it takes no --model, "
                        + "--target-strong-share or --baseline");
            }
            RouterSettings settings = new RouterSettings(target, seed, neighbours, priorWeight, families, signals,
                    ridge, predictor, strongShare);
            return new EvalOptions(data, models, out, router, folds == null ? DEFAULT_FOLDS : folds, holdOut, blind,
                    settings, embedder, cache, router == null ? ladder : List.of(), baseline, versus);
        }
    }

    /** Under bench/target of the installation that runs the command (never committed); none outside one. */
    private static Path defaultCache() {
        String home = System.getProperty("switchboard.home");
        return home == null ? null : Path.of(home, "bench", "target", "embedding-cache");
    }

    private static void requireEval(String option, boolean train) {
        if (train) {
            throw new IllegalArgumentException(option + " is an eval option");
        }
    }

    private static Set<Signal> signals(String value) {
        Set<Signal> signals = EnumSet.noneOf(Signal.class);
        for (String name : value.split(",")) {
            if (name.isBlank() || name.equals("none")) {
                continue;
            }
            try {
                signals.add(Signal.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown signal '" + name + "', known: "
                        + EnumSet.allOf(Signal.class).toString().toLowerCase(Locale.ROOT));
            }
        }
        return signals;
    }

    private static List<Double> shares(String option, String value) {
        List<Double> shares = new ArrayList<>();
        for (String part : value.split(",")) {
            double share = number(option, part.strip());
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException(option + " takes shares in (0, 1], was " + part.strip());
            }
            shares.add(share);
        }
        return shares;
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, was '" + value + "'");
        }
    }

    private static int whole(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, was '" + value + "'");
        }
    }
}
