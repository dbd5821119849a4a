package dev.switchboard.executor.resilience;

import dev.switchboard.core.cascade.GateVerdict;
import dev.switchboard.core.cascade.QualityGate;
import dev.switchboard.core.event.ChatResponse;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.TaskType;
import dev.switchboard.core.policy.CascadeFamily;
import dev.switchboard.core.policy.LiveCascade;
import dev.switchboard.core.policy.ModelAnswer;
import dev.switchboard.executor.provider.ProviderCall;
import io.quarkus.logging.Log;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One request attempt's run through its plan: call, judge, accept or escalate, fall back. A step is judged by the
 * quality gate against its threshold, or, in a trained cascade's plan, by the learned acceptance ({@link LiveCascade},
 * the function the offline evaluator judges with), which may return an earlier step's answer that later ones agreed
 * with.
 */
final class CascadeRun {

    private final GuardedCaller caller;
    private final LlmRequest request;
    private final TaskType task;
    private final List<PlanRunner.Stage> stages;
    private final Function<String, PlanRunner.Resolution> resolver;
    private final Deadline deadline;
    private final LiveCascade learned;
    private final List<CallRecord> stepAnswers = new ArrayList<>();
    private final CallLog log = new CallLog();
    private final Set<String> tried = new HashSet<>();
    private ErrorInfo lastError;
    private String lastModel;
    private String lastProvider;

    CascadeRun(GuardedCaller caller, LlmRequest request, TaskType task, List<PlanRunner.Stage> stages,
               Function<String, PlanRunner.Resolution> resolver, Deadline deadline, LiveCascade learned) {
        this.caller = caller;
        this.learned = learned;
        this.request = request;
        this.task = task;
        this.stages = stages;
        this.resolver = resolver;
        this.deadline = deadline;
    }

    CompletionStage<PlanResult> start() {
        return stage(0);
    }

    private CompletionStage<PlanResult> stage(int index) {
        PlanRunner.Stage stage = stages.get(index);
        boolean last = index == stages.size() - 1;
        return firstAnswer(stage.models(), 0).thenCompose(outcome -> switch (outcome.kind()) {
            case ANSWERED -> judge(index, last, stage, outcome.answer());
            case OUT_OF_TIME -> done(failed(outcome.error()));
            case EXHAUSTED -> last ? done(failed(lastError)) : stage(index + 1);
        });
    }

    /**
     * Scores the answer; takes it on the last step or when it clears the threshold (the gate's, or the learned
     * acceptance's), else escalates.
     */
    private CompletionStage<PlanResult> judge(int index, boolean last, PlanRunner.Stage stage, CallRecord answer) {
        ModelAnswer said = said(answer);
        GateVerdict verdict = QualityGate.score(task, request.body(), said.text(), said.finishReason());
        CallRecord judged = answer.judged(verdict);
        stepAnswers.add(judged);
        boolean take;
        CallRecord chosen = judged;
        if (learned != null) {
            CascadeFamily.Verdict learnedVerdict = learnedVerdict(index);
            take = last || (learnedVerdict != null && learnedVerdict.stop());
            if (take && learnedVerdict != null) {
                chosen = stepAnswers.stream().filter(r -> r.model().id().equals(learnedVerdict.answeredBy()))
                        .findFirst().orElse(judged);
            }
        } else {
            take = last || verdict.accepts(stage.acceptThreshold());
        }
        log.replace(judged.decided(false));
        if (take) {
            CallRecord decided = chosen.decided(true);
            log.replace(decided);
            return done(new PlanResult(log.records(), decided, null, decided.model().id(), decided.provider()));
        }
        caller.metrics().escalated(judged.model().id());
        Log.debugf("request %s: draft of %s not accepted (gate %.2f, %s); escalating", request.id(),
                judged.model().id(), verdict.score(), learned != null ? "learned acceptance" : verdict.reasons());
        return stage(index + 1);
    }

    /**
     * The learned acceptance's verdict after this step, when every step so far was answered by its own chain model;
     * null when a step fell through to another model (a failed drafter, a fallback), which the acceptance was not
     * trained on: the cascade then escalates, and the last step answers.
     */
    private CascadeFamily.Verdict learnedVerdict(int index) {
        List<String> chain = learned.chain();
        if (stepAnswers.size() != index + 1 || index >= chain.size()) {
            return null;
        }
        List<ModelAnswer> answers = new ArrayList<>();
        for (int i = 0; i <= index; i++) {
            CallRecord record = stepAnswers.get(i);
            if (!record.model().id().equals(chain.get(i))) {
                return null;
            }
            answers.add(said(record));
        }
        return learned.judge(answers);
    }

    /** A call's answer text and finish reason (empty text when the response has no choice). */
    private static ModelAnswer said(CallRecord call) {
        ChatResponse response = call.reply().response();
        boolean empty = response == null || response.choices() == null || response.choices().isEmpty();
        return new ModelAnswer(call.model().id(), empty ? "" : response.firstText(),
                empty ? null : response.choices().get(0).finishReason());
    }

    /** Tries the models in order until one answers; models already tried in this request are skipped. */
    private CompletionStage<ModelOutcome> firstAnswer(List<String> models, int index) {
        if (index == models.size()) {
            return done(ModelOutcome.exhausted(lastError));
        }
        String modelId = models.get(index);
        if (!tried.add(modelId)) {
            return firstAnswer(models, index + 1);
        }
        PlanRunner.Resolution resolution = resolver.apply(modelId);
        lastModel = modelId;
        lastProvider = resolution.provider();
        if (resolution.target() == null) {
            lastError = resolution.unavailable();
            Log.warnf("request %s: skipping %s: %s", request.id(), modelId, lastError.message());
            return firstAnswer(models, index + 1);
        }
        Target target = resolution.target();
        ProviderCall call = new ProviderCall(request.id(), request.attemptOrFirst(), target.model(), request.body());
        return caller.call(target, call, deadline, log).thenCompose(outcome -> {
            if (outcome.kind() != ModelOutcome.Kind.EXHAUSTED) {
                return done(outcome);
            }
            lastError = outcome.error();
            return firstAnswer(models, index + 1);
        });
    }

    private PlanResult failed(ErrorInfo error) {
        return new PlanResult(log.records(), null, error, lastModel, lastProvider);
    }

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
