package dev.switchboard.core.resilience;

import java.time.Duration;

/** A provider model's circuit breaker as a pure state machine (closed, open, half-open); time is passed in. */
public final class CircuitBreaker {

    /** Where the breaker stands. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    /**
     * When to open and for how long.
     *
     * @param failureThreshold consecutive failures that open the breaker
     * @param failureRate      failure share in [0, 1] over the window that opens it
     * @param minimumCalls     calls the window must hold before the rate counts
     * @param window           how far back the rate looks
     * @param coolDown         how long it stays open before letting a probe through
     */
    public record Settings(int failureThreshold, double failureRate, int minimumCalls, Duration window,
                           Duration coolDown) {
        public Settings {
            if (failureThreshold < 1 || minimumCalls < 1) {
                throw new IllegalArgumentException("failure threshold and minimum calls must be at least 1, were "
                        + failureThreshold + " and " + minimumCalls);
            }
            if (!(failureRate > 0.0 && failureRate <= 1.0)) {
                throw new IllegalArgumentException("failure rate must be in (0, 1], was " + failureRate);
            }
            if (window == null || window.isNegative() || window.isZero() || coolDown == null
                    || coolDown.isNegative()) {
                throw new IllegalArgumentException("window must be positive and cool-down not negative, were "
                        + window + " and " + coolDown);
            }
        }
    }

    // Closed until failureThreshold failures in a row, or failureRate over the window once minimumCalls were seen;
    // then open for coolDown; then half-open, where one probe decides. Not thread-safe: callers serialise access.
    private final Settings settings;
    private final OutcomeWindow window;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean probing;
    private long probeStartedAt;

    public CircuitBreaker(Settings settings) {
        this.settings = settings;
        this.window = new OutcomeWindow(settings.window().toNanos());
    }

    /**
     * Asks to make a call now; {@code true} means go ahead and report its outcome (or {@link #release}).
     * An open breaker whose cool-down has passed turns half-open and lets this one call through as the probe.
     */
    public boolean tryAcquire(long now) {
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> {
                if (now - openedAt < settings.coolDown().toNanos()) {
                    yield false;
                }
                state = State.HALF_OPEN;
                yield startProbe(now);
            }
            // A probe whose outcome never came back must not keep the breaker shut for good.
            case HALF_OPEN -> (!probing || now - probeStartedAt >= settings.coolDown().toNanos())
                    && startProbe(now);
        };
    }

    /** The call ended well (or the provider answered it properly, even with a client error). */
    public void onSuccess(long now) {
        switch (state) {
            case CLOSED -> {
                consecutiveFailures = 0;
                window.record(now, false);
            }
            case HALF_OPEN -> close();
            case OPEN -> { } // a call started before the breaker opened: the cool-down decides, not this
        }
    }

    /** The call failed in a way that says the provider or model is unwell (5xx, overloaded, timeout, ...). */
    public void onFailure(long now) {
        switch (state) {
            case CLOSED -> {
                consecutiveFailures++;
                window.record(now, true);
                if (consecutiveFailures >= settings.failureThreshold() || rateTooHigh(now)) {
                    open(now);
                }
            }
            case HALF_OPEN -> open(now);
            case OPEN -> { }
        }
    }

    /** A permitted call was not made after all; a half-open breaker may let another probe through. */
    public void release(long now) {
        if (state == State.HALF_OPEN) {
            probing = false;
        }
    }

    public State state() {
        return state;
    }

    /** When an open breaker lets a probe through (same time source as the calls); meaningless unless open. */
    public long openUntil() {
        return openedAt + settings.coolDown().toNanos();
    }

    private boolean rateTooHigh(long now) {
        OutcomeWindow.Counts counts = window.counts(now);
        return counts.calls() >= settings.minimumCalls()
                && counts.failures() >= settings.failureRate() * counts.calls();
    }

    private boolean startProbe(long now) {
        probing = true;
        probeStartedAt = now;
        return true;
    }

    private void open(long now) {
        state = State.OPEN;
        openedAt = now;
        probing = false;
    }

    private void close() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        probing = false;
        window.clear();
    }
}
