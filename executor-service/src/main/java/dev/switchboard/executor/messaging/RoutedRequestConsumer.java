package dev.switchboard.executor.messaging;

import dev.switchboard.core.event.Headers;
import dev.switchboard.core.event.RoutedRequest;
import dev.switchboard.core.json.Json;
import dev.switchboard.executor.config.ExecutorConfig;
import dev.switchboard.executor.service.ExecutionOutcome;
import dev.switchboard.executor.service.ExecutionService;
import dev.switchboard.messaging.SwitchboardRecords;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Consumes {@code llm.requests.routed}: starts each request and returns at once (many provider calls run
 * concurrently, up to {@code executor.max-in-flight}); a record is acked only after its usage events and result are
 * on the broker, so the throttled commit strategy never commits past an unfinished request. On shutdown it takes no
 * new record, waits {@code executor.shutdown.drain-timeout} for the running ones, and hands back the rest unacked.
 */
@ApplicationScoped
public class RoutedRequestConsumer {

    static final String SERVICE = "executor";
    static final String IN_FLIGHT = "switchboard.executor.in.flight";

    /** Runs a routed request to its outcome; failures become failed results, never a failed stage. */
    @FunctionalInterface
    interface Execution {
        CompletionStage<ExecutionOutcome> execute(RoutedRequest routed);
    }

    /** Writes an outcome to Kafka; completes once the broker has all of it. */
    @FunctionalInterface
    interface Publication {
        CompletionStage<Void> publish(ExecutionOutcome outcome, byte[] traceparent);
    }

    private final Execution executions;
    private final Publication publisher;
    private final InFlightLimiter limiter;
    private final Duration drainTimeout;

    @Inject
    public RoutedRequestConsumer(ExecutionService executions, OutcomePublisher publisher, ExecutorConfig config,
                                 MeterRegistry registry) {
        this(executions::execute, publisher::publish, config.maxInFlight(), config.shutdown().drainTimeout(),
                registry);
    }

    RoutedRequestConsumer(Execution executions, Publication publisher, int maxInFlight, Duration drainTimeout,
                          MeterRegistry registry) {
        this.executions = executions;
        this.publisher = publisher;
        this.limiter = new InFlightLimiter(maxInFlight);
        this.drainTimeout = drainTimeout;
        Gauge.builder(IN_FLIGHT, limiter, InFlightLimiter::inFlight)
                .description("Requests started and not yet published")
                .register(registry);
    }

    @Incoming("routed")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> onRouted(Message<String> record) {
        Executor resumeHere = resumeOnCurrentContext();
        if (limiter.closed()) {
            // Shutting down: neither run nor ack it, so the partition's next owner gets it.
            return limiter.whenBelowLimit(resumeHere);
        }
        RoutedRequest routed;
        try {
            routed = parse(record.getPayload());
        } catch (RuntimeException unreadable) {
            Log.warnf("dead-lettering an unreadable routed request: %s", unreadable.getMessage());
            record.nack(unreadable, deadLetter(record, unreadable));
            return limiter.whenBelowLimit(resumeHere);
        }
        limiter.started();
        try {
            executions.execute(routed)
                    .thenCompose(outcome -> publisher.publish(outcome, traceparent(record)))
                    .whenComplete((published, failure) -> settle(record, routed, failure));
        } catch (RuntimeException bug) {
            settle(record, routed, bug);
        }
        // Never a failed stage: that would stop the channel. Failures are nacked to the dead-letter topic.
        return limiter.whenBelowLimit(resumeHere);
    }

    /** Graceful shutdown, before the connector stops: its consumer then commits what was acked here. */
    void onShutdown(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        drain();
    }

    /**
     * Takes no further record and waits up to the drain timeout for the requests in flight to publish and ack.
     *
     * @return how many were still running at the timeout; their records stay unacked (handed back)
     */
    int drain() {
        limiter.close();
        int running = limiter.inFlight();
        if (running > 0) {
            Log.infof("shutdown: waiting up to %d ms for %d requests in flight", drainTimeout.toMillis(), running);
        }
        int left;
        try {
            left = limiter.awaitIdle(drainTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            left = limiter.inFlight();
        }
        if (left > 0) {
            Log.warnf("shutdown: %d requests still running after %d ms; their records are not acknowledged, so the "
                    + "partition's next owner runs them again", left, drainTimeout.toMillis());
        } else if (running > 0) {
            Log.infof("shutdown: all %d requests in flight finished and were acknowledged", running);
        }
        return left;
    }

    int inFlight() {
        return limiter.inFlight();
    }

    /** Whether shutdown has begun: records handed over from now on are neither run nor acked. */
    boolean draining() {
        return limiter.closed();
    }

    private void settle(Message<String> record, RoutedRequest routed, Throwable failure) {
        try {
            if (failure == null) {
                record.ack();
            } else if (limiter.closed()) {
                // The producer is closing: dead-lettering would lose the request; unacked, it is run again.
                Log.warnf("request %s: outcome not published during shutdown (%s); handing the record back",
                        routed.request().id(), failure.getClass().getSimpleName());
            } else {
                Log.errorf(failure, "request %s: could not publish its outcome; dead-lettering the record",
                        routed.request().id());
                record.nack(failure, deadLetter(record, failure));
            }
        } finally {
            limiter.finished();
        }
    }

    /** The routed request, or an exception saying why the record cannot be one. */
    static RoutedRequest parse(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new IllegalArgumentException("empty record: expected a RoutedRequest");
        }
        RoutedRequest routed = Json.read(payload, RoutedRequest.class);
        if (routed == null || routed.request() == null || routed.request().id() == null
                || routed.request().id().isBlank()) {
            throw new IllegalArgumentException("not a RoutedRequest: no request id");
        }
        return routed;
    }

    private static Metadata deadLetter(Message<String> record, Throwable reason) {
        String topic = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getTopic).orElse("unknown");
        String text = reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage();
        return SwitchboardRecords.deadLetter(text, topic, SERVICE);
    }

    private static byte[] traceparent(Message<String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(meta -> meta.getHeaders().lastHeader(Headers.TRACEPARENT))
                .map(Header::value)
                .orElse(null);
    }

    /** Resumes the consumer on its own event loop rather than on whichever thread finished a request. */
    private static Executor resumeOnCurrentContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }
}
