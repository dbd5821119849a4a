package dev.switchboard.executor.resilience;

import dev.switchboard.core.event.ErrorInfo;

import java.util.List;

/**
 * What running a plan produced: every call made, in order, and either the accepted one or why none was.
 *
 * @param accepted the call whose answer is the result, or {@code null} when the request failed
 * @param error    why the request failed (the last provider's code and message), or {@code null}
 * @param model    the accepted model, else the last model tried or looked at
 * @param provider its provider, when one was resolved
 */
public record PlanResult(List<CallRecord> calls, CallRecord accepted, ErrorInfo error, String model,
                         String provider) {

    public PlanResult {
        calls = List.copyOf(calls);
    }

    public boolean ok() {
        return accepted != null;
    }
}
