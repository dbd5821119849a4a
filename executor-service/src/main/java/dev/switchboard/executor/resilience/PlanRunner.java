package dev.switchboard.executor.resilience;

import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.TaskType;
import dev.switchboard.core.policy.LiveCascade;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Runs a plan's cascade steps and fallbacks, each model through the {@link GuardedCaller}. */
@Singleton
public class PlanRunner {

    /**
     * One cascade step: the models to try in order until one answers (the step's model, plus the plan's
     * fallbacks on the last step), and the gate score its answer needs to be accepted.
     *
     * @param acceptThreshold {@code null} accepts any answer; ignored on the last step, which always accepts
     */
    public record Stage(List<String> models, Double acceptThreshold) {
        public Stage {
            models = List.copyOf(models);
        }
    }

    /** A model id resolved to a target, or the reason it cannot be called. */
    public record Resolution(Target target, ErrorInfo unavailable, String provider) {

        public static Resolution of(Target target) {
            return new Resolution(target, null, target.provider().name());
        }

        public static Resolution unavailable(ErrorInfo why, String provider) {
            return new Resolution(null, why, provider);
        }
    }

    private final GuardedCaller caller;

    public PlanRunner(GuardedCaller caller) {
        this.caller = caller;
    }

    /** The clock the deadline of {@link #run} is measured on. */
    public long nanoTime() {
        return caller.nanoTime();
    }

    /**
     * Runs the stages for one request attempt; never completes exceptionally.
     *
     * @param task     what the prompt asks for, for the quality gate; {@code null} when unknown
     * @param resolver finds each model's target, or says why it has none
     */
    public CompletionStage<PlanResult> run(LlmRequest request, TaskType task, List<Stage> stages,
                                           Function<String, Resolution> resolver, Deadline deadline) {
        return run(request, task, stages, resolver, deadline, null);
    }

    /**
     * Runs the stages for one request attempt; never completes exceptionally.
     *
     * @param learned a trained cascade's learned acceptance, judging the stages instead of the quality gate; null:
     *                the gate and each stage's threshold
     */
    public CompletionStage<PlanResult> run(LlmRequest request, TaskType task, List<Stage> stages,
                                           Function<String, Resolution> resolver, Deadline deadline,
                                           LiveCascade learned) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one step");
        }
        return new CascadeRun(caller, request, task, stages, resolver, deadline, learned).start();
    }
}
