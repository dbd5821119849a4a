package dev.switchboard.core.policy;

import dev.switchboard.core.eval.Choice;

/**
 * A policy's decision for one prompt at every setting of its threshold at once, so a sweep reads the same
 * answers once instead of re-deciding per threshold. For every threshold it equals what {@link PolicyFamily#at}
 * decides, calling models only up to where that policy stops.
 */
public interface DecisionTrace {

    Choice at(double threshold);
}
