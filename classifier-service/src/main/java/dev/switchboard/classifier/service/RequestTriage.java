package dev.switchboard.classifier.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.classify.RuleClassifier;
import dev.switchboard.core.event.Classification;
import dev.switchboard.core.event.ClassifiedRequest;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.intake.RequestIntake;
import dev.switchboard.core.json.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Instant;

/**
 * Decides what becomes of one raw {@code llm.requests} record: classified, rejected with an error result, or
 * dead-lettered when it has no request id to answer to.
 */
@ApplicationScoped
public class RequestTriage {

    /** Counter of triaged records, tagged {@code task_type} and {@code outcome}. */
    public static final String REQUESTS_METRIC = "switchboard.classifier.requests";

    /** Timer of the learned prediction per request (embedding, neighbours, level transfer). */
    public static final String PREDICT_METRIC = "switchboard.classifier.predict";

    private final RuleClassifier classifier;
    private final QualityForecast forecast;
    private final MeterRegistry registry;
    private final Timer predictTimer;

    /** @param forecast the learned predictor; unresolvable when {@code classifier.predictor.enabled=false} */
    public RequestTriage(RuleClassifier classifier, Instance<QualityForecast> forecast, MeterRegistry registry) {
        this.classifier = classifier;
        this.forecast = forecast.isResolvable() ? forecast.get() : null;
        this.registry = registry;
        this.predictTimer = Timer.builder(PREDICT_METRIC)
                .description("time to predict each model's chance of a good answer for one request")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    /** What to write for a record. */
    public sealed interface Outcome {
    }

    /** A readable request with its classification, for {@code llm.requests.classified}. */
    public record Classified(ClassifiedRequest request) implements Outcome {
    }

    /** A request that has an id but cannot be served: its terminal result, for {@code llm.results}. */
    public record Rejected(LlmResult result) implements Outcome {
    }

    /** A record with no request id: only the dead-letter topic can take it. */
    public record DeadLetter(String reason) implements Outcome {
    }

    public Outcome triage(String raw) {
        RequestIntake.Outcome read = RequestIntake.read(raw);
        Outcome outcome;
        if (read instanceof RequestIntake.Accepted accepted) {
            outcome = classify(accepted);
        } else {
            RequestIntake.Invalid invalid = (RequestIntake.Invalid) read;
            outcome = invalid.requestId() != null ? reject(invalid, raw) : new DeadLetter(invalid.message());
        }
        count(outcome);
        return outcome;
    }

    private Classified classify(RequestIntake.Accepted accepted) {
        Classification rules = classifier.classify(accepted.request());
        Classification classification = forecast == null ? rules
                : predictTimer.record(() -> forecast.predict(accepted.request(), rules));
        return new Classified(new ClassifiedRequest(ClassifiedRequest.SCHEMA_VERSION, accepted.request(),
                classification));
    }

    /** The raw record failed validation, so its attempt and tenant are read leniently from the tree. */
    private Rejected reject(RequestIntake.Invalid invalid, String raw) {
        JsonNode tree = Json.tree(raw);
        JsonNode attempt = tree.path("attempt");
        int attemptNumber = attempt.isIntegralNumber() && attempt.canConvertToInt() && attempt.asInt() > 0
                ? attempt.asInt() : 1;
        JsonNode tenant = tree.path("tenant");
        ErrorInfo error = new ErrorInfo(ErrorInfo.INVALID_REQUEST, invalid.message());
        return new Rejected(LlmResult.rejected(invalid.requestId(), attemptNumber,
                tenant.isTextual() ? tenant.asText() : null, error, Instant.now()));
    }

    private void count(Outcome outcome) {
        String taskType = "none";
        String result = "dead_lettered";
        if (outcome instanceof Classified classified) {
            taskType = classified.request().classification().taskType().wire();
            result = "classified";
        } else if (outcome instanceof Rejected) {
            result = "rejected";
        }
        Counter.builder(REQUESTS_METRIC)
                .description("llm.requests records triaged by the classifier")
                .tag("task_type", taskType)
                .tag("outcome", result)
                .register(registry)
                .increment();
    }
}
