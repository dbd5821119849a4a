package dev.switchboard.ledger.messaging;

import dev.switchboard.core.event.UsageEvent;
import dev.switchboard.core.json.Json;
import dev.switchboard.ledger.service.IngestOutcome;
import dev.switchboard.ledger.service.UsageLedger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads {@code llm.usage} and books each event in one database transaction; the offset is committed after it.
 * A record that is not a bookable event makes this method throw, which sends it to {@code llm.dlq}; a database
 * error is retried for up to ten minutes before the record is dead-lettered (replaying it is safe: booked once by id).
 */
@Startup // so the counters are on /q/metrics, at zero, before the first record
@ApplicationScoped
public class UsageConsumer {

    /** Records read from {@code llm.usage}, by {@link IngestOutcome}. */
    public static final String INGESTED = "switchboard.ledger.usage.ingested";

    private final UsageLedger ledger;
    private final Map<IngestOutcome, Counter> ingested = new EnumMap<>(IngestOutcome.class);

    public UsageConsumer(UsageLedger ledger, MeterRegistry registry) {
        this.ledger = ledger;
        for (IngestOutcome outcome : IngestOutcome.values()) {
            ingested.put(outcome, Counter.builder(INGESTED).description("usage records read, by outcome")
                    .tag("outcome", outcome.tag()).register(registry));
        }
    }

    // Runs on a worker thread, in order; UsageLedger.book is the transaction, so the ack follows the commit.
    // A database that is down is waited for (each retry is a new transaction), not a reason to dead-letter money:
    // only a record that can never be booked (IllegalArgumentException) goes to llm.dlq at once.
    @Incoming("usage")
    @Blocking
    @Retry(maxRetries = 120, delay = 1, delayUnit = ChronoUnit.SECONDS, jitter = 500, maxDuration = 10,
            durationUnit = ChronoUnit.MINUTES, abortOn = IllegalArgumentException.class)
    public void consume(String json) {
        IngestOutcome outcome;
        try {
            outcome = ledger.book(read(json));
        } catch (IllegalArgumentException e) {
            ingested.get(IngestOutcome.REJECTED).increment();
            throw e;
        }
        ingested.get(outcome).increment();
    }

    private static UsageEvent read(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("not a valid UsageEvent: the record has no value");
        }
        return Json.read(json, UsageEvent.class);
    }
}
