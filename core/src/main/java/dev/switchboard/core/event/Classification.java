package dev.switchboard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/**
 * What the classifier learned about a request, for the router.
 *
 * @param predictedQuality predicted chance of a good answer per model id (may be empty when no model is loaded)
 * @param requiredCapabilities capabilities the request needs: tools, vision, json
 * @param trainedPolicy    the trained router's calibrated policy for the request's task (its {@code feature}),
 *                         when the router's models are all in the catalog; null otherwise
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Classification(
        TaskType taskType,
        String domain,
        Complexity complexity,
        int inputTokens,
        int estimatedOutputTokens,
        Map<String, Double> predictedQuality,
        List<String> requiredCapabilities,
        String classifierVersion,
        TrainedPolicy trainedPolicy) {

    /** A classification without a trained policy. */
    public Classification(TaskType taskType, String domain, Complexity complexity, int inputTokens,
                          int estimatedOutputTokens, Map<String, Double> predictedQuality,
                          List<String> requiredCapabilities, String classifierVersion) {
        this(taskType, domain, complexity, inputTokens, estimatedOutputTokens, predictedQuality,
                requiredCapabilities, classifierVersion, null);
    }

    /** This classification with a learned predictor's chance of a good answer per model, and its version added. */
    public Classification withPrediction(Map<String, Double> predicted, String predictorVersion) {
        return withPrediction(predicted, predictorVersion, null);
    }

    /**
     * This classification with a learned predictor's chance of a good answer per model, its version added, and
     * the trained policy for the request's task (null: none applies).
     */
    public Classification withPrediction(Map<String, Double> predicted, String predictorVersion,
                                         TrainedPolicy policy) {
        return new Classification(taskType, domain, complexity, inputTokens, estimatedOutputTokens,
                Map.copyOf(predicted), requiredCapabilities, classifierVersion + "+" + predictorVersion, policy);
    }
}
