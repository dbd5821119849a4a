package dev.switchboard.executor.messaging;

import dev.switchboard.core.event.Headers;
import dev.switchboard.core.event.RoutedRequest;
import dev.switchboard.core.json.Json;
import dev.switchboard.executor.config.ExecutorConfig;
import dev.switchboard.executor.service.ExecutionService;
import dev.switchboard.messaging.SwitchboardRecords;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Consumes {@code llm.requests.routed}: starts each request and returns at once (many provider calls run
 * concurrently, up to {@code executor.max-in-flight}); a record is acked only after its usage event and result are
 * on the broker, so the throttled commit strategy never commits past an unfinished request.
 */
@ApplicationScoped
public class RoutedRequestConsumer {

    static final String SERVICE = "executor";

    private final ExecutionService executions;
    private final OutcomePublisher publisher;
    private final InFlightLimiter limiter;

    public RoutedRequestConsumer(ExecutionService executions, OutcomePublisher publisher, ExecutorConfig config,
                                 MeterRegistry registry) {
        this.executions = executions;
        this.publisher = publisher;
        this.limiter = new InFlightLimiter(config.maxInFlight());
        Gauge.builder("switchboard.executor.in.flight", limiter, InFlightLimiter::inFlight)
                .description("Requests started and not yet published")
                .register(registry);
    }

    @Incoming("routed")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> onRouted(Message<String> record) {
        Executor resumeHere = resumeOnCurrentContext();
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

    private void settle(Message<String> record, RoutedRequest routed, Throwable failure) {
        try {
            if (failure == null) {
                record.ack();
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
