package dev.switchboard.executor.resilience;

import dev.switchboard.core.resilience.CircuitBreaker;
import dev.switchboard.core.resilience.CircuitBreaker.State;
import io.quarkus.logging.Log;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One circuit breaker per provider model ({@code "<provider>/<model>"}), shared by every request. */
final class CircuitBreakers {

    private final CircuitBreaker.Settings settings;
    private final ResilienceMetrics metrics;
    private final Map<String, CircuitBreaker> byKey = new ConcurrentHashMap<>();

    CircuitBreakers(CircuitBreaker.Settings settings, ResilienceMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Whether a call may go to this model now; when it may, its outcome must be reported or released. */
    boolean tryAcquire(String key, long now) {
        CircuitBreaker breaker = breaker(key);
        synchronized (breaker) {
            return breaker.tryAcquire(now);
        }
    }

    void succeeded(String key, long now) {
        CircuitBreaker breaker = breaker(key);
        synchronized (breaker) {
            breaker.onSuccess(now);
        }
    }

    void failed(String key, long now) {
        CircuitBreaker breaker = breaker(key);
        boolean opened;
        synchronized (breaker) {
            State before = breaker.state();
            breaker.onFailure(now);
            opened = before != State.OPEN && breaker.state() == State.OPEN;
        }
        if (opened) {
            Log.warnf("circuit for %s opened for %d s", key, settings.coolDown().toSeconds());
            metrics.circuitOpened(key);
        }
    }

    void released(String key, long now) {
        CircuitBreaker breaker = breaker(key);
        synchronized (breaker) {
            breaker.release(now);
        }
    }

    State state(String key) {
        CircuitBreaker breaker = breaker(key);
        synchronized (breaker) {
            return breaker.state();
        }
    }

    private CircuitBreaker breaker(String key) {
        return byKey.computeIfAbsent(key, ignored -> new CircuitBreaker(settings));
    }
}
