package dev.switchboard.core.recorded;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.switchboard.core.catalog.CostCalculator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How one model did on one benchmark prompt, as recorded: its score, its answer, its tokens and what the call cost.
 *
 * @param score        between 0 and 1; 1 means correct (MT-Bench: the judge's mean rating / 10); {@code null} in a
 *                     blind copy of a file, whose scores were removed so that a router run on it cannot read them
 * @param response     the model's answer, cut to 4000 characters by the data set (empty where none was released)
 * @param inputTokens  prompt tokens ({@code o200k_base})
 * @param outputTokens answer tokens ({@code o200k_base}, of the full answer)
 * @param costUsd      what the call cost, exactly as recorded
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordedOutcome(Double score, String response, long inputTokens, long outputTokens,
                              BigDecimal costUsd) {

    public RecordedOutcome {
        if (score != null && !(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative: input=" + inputTokens
                    + ", output=" + outputTokens);
        }
        if (costUsd == null || costUsd.signum() < 0) {
            throw new IllegalArgumentException("cost_usd must be a non-negative number, was " + costUsd);
        }
        response = response == null ? "" : response;
    }

    /** Whether this outcome carries its score (a blind copy of a file has none). */
    @JsonIgnore
    public boolean hasScore() {
        return score != null;
    }

    /**
     * The recorded cost as Switchboard bills it: unchanged, unless it has more decimal places than a cost may
     * carry ({@link CostCalculator#SCALE}); RouterBench's float artefacts such as 0.0005479999999999999 are then
     * rounded half-up to that scale, which gives back the intended value.
     */
    @JsonIgnore
    public BigDecimal billedCostUsd() {
        return costUsd.scale() > CostCalculator.SCALE ? costUsd.setScale(CostCalculator.SCALE, RoundingMode.HALF_UP)
                : costUsd;
    }
}
