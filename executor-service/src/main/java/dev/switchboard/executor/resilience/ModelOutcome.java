package dev.switchboard.executor.resilience;

import dev.switchboard.core.event.ErrorInfo;

/** How trying one model ended: answered, exhausted (try the next model), or out of time (stop). */
record ModelOutcome(Kind kind, CallRecord answer, ErrorInfo error) {

    enum Kind { ANSWERED, EXHAUSTED, OUT_OF_TIME }

    static ModelOutcome answered(CallRecord answer) {
        return new ModelOutcome(Kind.ANSWERED, answer, null);
    }

    static ModelOutcome exhausted(ErrorInfo error) {
        return new ModelOutcome(Kind.EXHAUSTED, null, error);
    }

    static ModelOutcome outOfTime(ErrorInfo error) {
        return new ModelOutcome(Kind.OUT_OF_TIME, null, error);
    }
}
