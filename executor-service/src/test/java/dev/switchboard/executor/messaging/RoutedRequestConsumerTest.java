package dev.switchboard.executor.messaging;

import dev.switchboard.core.event.RoutedRequest;
import dev.switchboard.executor.service.ExecutionOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer's flow without a broker: ack only after publishing, the in-flight bound, and the shutdown drain
 * (finish what runs, take nothing new, hand back what does not finish in time).
 */
class RoutedRequestConsumerTest {

    /** Each request's provider call, completed by the test; a null outcome is enough for the fake publisher. */
    private final Map<String, CompletableFuture<ExecutionOutcome>> calls = new ConcurrentHashMap<>();
    private final List<String> executed = new ArrayList<>();
    private final CompletableFuture<Void> broker = new CompletableFuture<>();

    private final RoutedRequestConsumer.Execution execution = routed -> {
        String id = routed.request().id();
        executed.add(id);
        return calls.computeIfAbsent(id, ignored -> new CompletableFuture<>());
    };
    private final RoutedRequestConsumer.Publication publication = (outcome, traceparent) -> broker;

    @Test
    void acksARecordOnlyOnceItsOutcomeIsOnTheBroker() {
        RoutedRequestConsumer consumer = consumer(4, Duration.ofSeconds(5));
        Delivery record = new Delivery("r1");

        consumer.onRouted(record.message);
        finishCall("r1");
        assertThat(record.acks).hasValue(0);

        broker.complete(null);
        assertThat(record.acks).hasValue(1);
        assertThat(record.nacks).isEmpty();
        assertThat(consumer.inFlight()).isZero();
    }

    @Test
    void takesNoFurtherRecordWhileMaxInFlightRequestsRun() {
        RoutedRequestConsumer consumer = consumer(2, Duration.ofSeconds(5));
        broker.complete(null);

        assertThat(consumer.onRouted(new Delivery("r1").message).toCompletableFuture()).isDone();
        CompletableFuture<Void> next = consumer.onRouted(new Delivery("r2").message).toCompletableFuture();
        assertThat(next).isNotDone();
        assertThat(consumer.inFlight()).isEqualTo(2);

        finishCall("r2");

        assertThat(next).isDone();
        assertThat(consumer.inFlight()).isEqualTo(1);
    }

    @Test
    void drainWaitsForRunningRequestsToBeAckedThenTakesNoNewRecord() throws Exception {
        RoutedRequestConsumer consumer = consumer(4, Duration.ofSeconds(30));
        Delivery running = new Delivery("r1");
        consumer.onRouted(running.message);

        CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(consumer::drain);
        Delivery late = new Delivery("r2");
        CompletableFuture<Void> afterLate = awaitClosedThenDeliver(consumer, late);
        finishCall("r1");
        broker.complete(null);

        assertThat(drained.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(running.acks).hasValue(1);
        assertThat(executed).containsExactly("r1");
        assertThat(late.acks).hasValue(0);
        assertThat(late.nacks).isEmpty();
        assertThat(afterLate).isNotDone();
    }

    @Test
    void handsBackWhatStillRunsAtTheDrainTimeoutWithoutDeadLetteringIt() {
        RoutedRequestConsumer consumer = consumer(4, Duration.ofMillis(50));
        Delivery running = new Delivery("r1");
        consumer.onRouted(running.message);

        assertThat(consumer.drain()).isEqualTo(1);

        // the producer closes after the drain, so the late outcome cannot be written
        broker.completeExceptionally(new IllegalStateException("producer closed"));
        finishCall("r1");
        assertThat(running.acks).hasValue(0);
        assertThat(running.nacks).isEmpty();
        assertThat(consumer.inFlight()).isZero();
    }

    @Test
    void deadLettersARecordWhoseOutcomeCannotBePublishedWhileRunning() {
        RoutedRequestConsumer consumer = consumer(4, Duration.ofSeconds(5));
        Delivery record = new Delivery("r1");
        broker.completeExceptionally(new IllegalStateException("broker unreachable"));

        consumer.onRouted(record.message);
        finishCall("r1");

        assertThat(record.acks).hasValue(0);
        assertThat(record.nacks).singleElement()
                .satisfies(reason -> assertThat(reason).hasMessageContaining("broker unreachable"));
    }

    @Test
    void deadLettersAnUnreadableRecordAndGoesOn() {
        RoutedRequestConsumer consumer = consumer(1, Duration.ofSeconds(5));
        Delivery record = new Delivery(null);

        CompletionStage<Void> next = consumer.onRouted(record.message);

        assertThat(next.toCompletableFuture()).isDone();
        assertThat(record.nacks).singleElement()
                .satisfies(reason -> assertThat(reason).hasMessageContaining("RoutedRequest"));
        assertThat(executed).isEmpty();
    }

    private RoutedRequestConsumer consumer(int maxInFlight, Duration drainTimeout) {
        return new RoutedRequestConsumer(execution, publication, maxInFlight, drainTimeout, new SimpleMeterRegistry());
    }

    private void finishCall(String id) {
        calls.computeIfAbsent(id, ignored -> new CompletableFuture<>()).complete(null);
    }

    /** Delivers {@code record} once the drain has closed the consumer, as the connector would after a poll. */
    private static CompletableFuture<Void> awaitClosedThenDeliver(RoutedRequestConsumer consumer, Delivery record) {
        await().atMost(Duration.ofSeconds(10)).until(consumer::draining);
        return consumer.onRouted(record.message).toCompletableFuture();
    }

    /** A record as the connector hands it over, counting acks and nacks. */
    private static final class Delivery {
        final AtomicInteger acks = new AtomicInteger();
        final List<Throwable> nacks = new ArrayList<>();
        final Message<String> message;

        Delivery(String requestId) {
            String payload = requestId == null ? "{not json" : "{\"schema_version\":" + RoutedRequest.SCHEMA_VERSION
                    + ",\"request\":{\"id\":\"" + requestId + "\",\"tenant\":\"acme\"}}";
            message = Message.of(payload, () -> {
                acks.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            }, reason -> {
                nacks.add(reason);
                return CompletableFuture.completedFuture(null);
            });
        }
    }
}
