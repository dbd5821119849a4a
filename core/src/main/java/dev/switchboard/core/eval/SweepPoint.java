package dev.switchboard.core.eval;

/**
 * One setting of a policy's sweep parameter (a threshold) and the run it gave: together the points draw the
 * policy's cost–quality curve.
 */
public record SweepPoint(double threshold, RunTotals totals) {
}
