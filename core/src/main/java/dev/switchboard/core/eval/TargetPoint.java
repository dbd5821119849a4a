package dev.switchboard.core.eval;

/**
 * A router calibrated to one target share of the best model's quality, and the run it gave on prompts it was not
 * trained on: together with the operating target these points draw the policy's curve as its target moves.
 */
public record TargetPoint(double share, RunTotals totals) {
}
