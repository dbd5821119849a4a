package dev.switchboard.bench.eval;

import dev.switchboard.core.policy.TaskPolicy;
import dev.switchboard.core.policy.TrainedRouter;

import java.util.Arrays;

/** {@code ./switchboard train}: fits a router on scored benchmark data and writes it for {@code eval --model}. */
public final class TrainMain {

    static final String USAGE = """
            usage: ./switchboard train --data FILE... --models FILE --out ARTIFACT [options]
              --data FILE            scored benchmark .jsonl files of one source (repeat, or list several)
              --models FILE          the source's models file
              --out ARTIFACT         the router file to write (JSON; gzip when it ends in .gz)
              --target-quality X     share of the best single model's quality to calibrate to (default 0.95)
              --target-strong-share X
                                     calibrate to a budget of strong-model calls instead: at most this share of
                                     each task's prompts may call its best single model (RouteLLM's calibration)
            """ + EvalOptions.TRAINING_OPTIONS + """
            Training is deterministic: the same data and options give the same file.
            """;

    private TrainMain() {
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
            EvalOptions options = EvalOptions.parse(EvalMain.expandData(Arrays.asList(args)), true);
            TrainedRouter router = EvalRun.train(options, System.out);
            router.tasks().forEach((task, policy) -> System.out.println(task + ": " + describe(policy)));
            System.out.println("tasks it was not trained on: " + describe(router.fallback()));
            System.out.println("Wrote " + options.out());
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("switchboard train: " + e.getMessage());
            System.err.print(USAGE);
            return 2;
        }
    }

    /** One line on a trained policy: family, models, threshold and, if set, the model taken when none clears it. */
    static String describe(TaskPolicy policy) {
        return policy.family() + " over " + policy.models() + " at threshold " + policy.threshold()
                + (policy.otherwise() == null ? "" : ", else " + policy.otherwise());
    }
}
