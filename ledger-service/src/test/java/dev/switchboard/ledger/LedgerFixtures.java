package dev.switchboard.ledger;

import dev.switchboard.core.Topics;
import dev.switchboard.core.event.UsageEvent;
import dev.switchboard.core.event.UsageOutcome;
import dev.switchboard.core.json.Json;
import dev.switchboard.ledger.persistence.UsageEventEntity;
import dev.switchboard.ledger.persistence.UsageHourlyEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Usage events for the ledger tests, sent through the real broker, and cleanup of the rows they leave. */
final class LedgerFixtures {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private LedgerFixtures() {
    }

    /** A tenant prefix no other run shares, so tests in the shared database only see their own rows. */
    static String runPrefix(String test) {
        return "lt-" + test + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    /** One call: user, project and feature may be null; tokens are input / cached / output. */
    static UsageEvent usage(String requestId, int step, String tenant, String model, String user, String project,
                            String feature, String cost, String occurredAt, long... tokens) {
        long[] t = tokens.length == 3 ? tokens : new long[] {100, 0, 50};
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, UsageEvent.eventIdFor(requestId, 1, step), requestId, 1,
                step, tenant, project, user, feature, model, "openai", t[0], t[1], t[2], new BigDecimal(cost), 250,
                UsageOutcome.OK, null, Instant.parse(occurredAt));
    }

    /** Sends events keyed by tenant, as the executor does, and waits for the broker to take them. */
    static void send(KafkaCompanion companion, UsageEvent... events) {
        ProducerRecord<String, String>[] records = Arrays.stream(events)
                .map(e -> new ProducerRecord<>(Topics.USAGE, e.tenant(), Json.write(e)))
                .toArray(ProducerRecord[]::new);
        sendRaw(companion, records);
    }

    @SafeVarargs
    static void sendRaw(KafkaCompanion companion, ProducerRecord<String, String>... records) {
        companion.produceStrings().fromRecords(records).awaitCompletion(TIMEOUT);
    }

    static Response spend(String... parameters) {
        var request = given();
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.when().get("/spend");
    }

    /** Deletes the events and roll-ups of every tenant starting with {@code prefix}. */
    static void deleteTenants(String prefix) {
        QuarkusTransaction.requiringNew().run(() -> {
            UsageHourlyEntity.delete("id.tenant like ?1", prefix + "%");
            UsageEventEntity.delete("tenant like ?1", prefix + "%");
        });
    }
}
