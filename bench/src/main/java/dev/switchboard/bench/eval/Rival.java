package dev.switchboard.bench.eval;

import dev.switchboard.core.eval.PairedBootstrap;
import dev.switchboard.core.eval.TaskMetrics;

/**
 * A competitor's approach run beside Switchboard's router on the same prompts and folds ({@code --versus}).
 *
 * @param baseline its name ({@code Baseline#NAMES})
 * @param metrics  its own numbers on the task, measured as the router's are
 * @param paired   Switchboard's router against it over the same resamples of the prompts
 */
public record Rival(String baseline, TaskMetrics metrics, PairedBootstrap paired) {
}
