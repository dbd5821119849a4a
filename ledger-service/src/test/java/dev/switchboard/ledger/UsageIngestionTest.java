package dev.switchboard.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.Topics;
import dev.switchboard.core.event.UsageEvent;
import dev.switchboard.core.json.Json;
import dev.switchboard.ledger.persistence.UsageHourlyEntity;
import dev.switchboard.testsupport.InjectKafkaCompanion;
import dev.switchboard.testsupport.KafkaTestResource;
import dev.switchboard.testsupport.RecordHeaders;
import dev.switchboard.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.switchboard.ledger.LedgerFixtures.TIMEOUT;
import static dev.switchboard.ledger.LedgerFixtures.send;
import static dev.switchboard.ledger.LedgerFixtures.sendRaw;
import static dev.switchboard.ledger.LedgerFixtures.spend;
import static dev.switchboard.ledger.LedgerFixtures.usage;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class UsageIngestionTest {

    private static final String PREFIX = LedgerFixtures.runPrefix("ingest");

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @AfterEach
    void deleteOwnRows() {
        LedgerFixtures.deleteTenants(PREFIX);
    }

    @Test
    void redeliveredEventIsBookedOnceEvenWhenItsCopyDiffers() {
        String tenant = PREFIX + "dup";
        UsageEvent first = usage("r-1", 1, tenant, "gpt-4o", "alice", null, null, "0.0072500000",
                "2026-11-21T10:05:00Z", 1000, 200, 500);
        UsageEvent copy = usage("r-1", 1, tenant, "gpt-4o", "alice", null, null, "9.0000000000",
                "2026-11-21T10:05:00Z", 1, 0, 1);
        // Same key, so same partition: the last event is booked only after both copies were handled.
        UsageEvent last = usage("r-2", 1, tenant, "gpt-4o", "alice", null, null, "0.0010000000",
                "2026-11-21T10:06:00Z");

        send(companion, first, first, copy, last);

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(tenantRow(tenant, "requests")).isEqualTo(2.0));
        JsonNode row = Json.tree(spend("groupBy", "tenant", "tenant", tenant).body().asString()).get("rows").get(0);
        assertThat(row.get("cost_usd").decimalValue()).isEqualByComparingTo("0.0082500000");
        assertThat(row.get("input_tokens").asLong()).isEqualTo(1100);
        assertThat(duplicatesCounted()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void hourlyRollUpAgreesWithTheEvents() {
        String tenant = PREFIX + "rollup";
        List<UsageEvent> events = List.of(
                usage("r-1", 1, tenant, "gpt-4o", "alice", "web", "chat", "0.0072500000", "2026-11-21T10:05:00Z",
                        1000, 200, 500),
                usage("r-1", 2, tenant, "gpt-4o", "alice", "web", "chat", "0.0234000000", "2026-11-21T10:59:59Z",
                        10000, 8000, 1000),
                usage("r-2", 1, tenant, "gpt-4o", "alice", "web", "chat", "0.0000006750", "2026-11-21T11:00:00Z",
                        3, 1, 0),
                usage("r-3", 1, tenant, "gpt-4.1-mini", null, null, null, "0.0010480000", "2026-11-21T11:30:00Z",
                        2000, 1000, 300));
        send(companion, events.toArray(UsageEvent[]::new));
        send(companion, events.get(1)); // a redelivery must not reach the roll-up either

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(tenantRow(tenant, "requests")).isEqualTo(3.0));
        List<UsageHourlyEntity> hours = QuarkusTransaction.requiringNew()
                .call(() -> UsageHourlyEntity.ofTenant(tenant));

        Map<Instant, BigDecimal> expected = events.stream().collect(Collectors.groupingBy(
                e -> e.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.HOURS), TreeMap::new,
                Collectors.reducing(BigDecimal.ZERO, UsageEvent::costUsd, BigDecimal::add)));
        Map<Instant, BigDecimal> rolledUp = hours.stream().collect(Collectors.groupingBy(h -> h.id.hour,
                TreeMap::new, Collectors.reducing(BigDecimal.ZERO, h -> h.costUsd, BigDecimal::add)));
        assertThat(rolledUp).isEqualTo(expected);
        assertThat(hours).hasSize(3);
        assertThat(hours.stream().mapToLong(h -> h.calls).sum()).isEqualTo(4);
        assertThat(hours.stream().mapToLong(h -> h.cachedInputTokens).sum()).isEqualTo(9201);
        assertThat(hours.stream().map(h -> h.costUsd).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(Json.tree(spend("groupBy", "tenant", "tenant", tenant).body().asString())
                        .get("total_cost_usd").decimalValue())
                .isEqualByComparingTo("0.0316986750");
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithAReasonAndTheNextEventIsStillBooked() {
        String tenant = PREFIX + "dlq";
        UsageEvent noCost = new UsageEvent(1, "r-bad:1:1", "r-bad", 1, 1, tenant, null, null, null, "gpt-4o",
                "openai", 1, 0, 1, null, 10, null, null, Instant.parse("2026-11-21T10:00:00Z"));
        ConsumerTask<String, String> dlq = companion.consumeStrings().fromTopics(Topics.DLQ);
        try {
            sendRaw(companion, new ProducerRecord<>(Topics.USAGE, tenant, "{not json"),
                    new ProducerRecord<>(Topics.USAGE, tenant, Json.write(noCost)));
            send(companion, usage("r-good", 1, tenant, "gpt-4o", null, null, null, "0.5000000000",
                    "2026-11-21T10:01:00Z"));

            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(dlqOf(dlq, tenant)).hasSize(2));
            List<ConsumerRecord<String, String>> dead = dlqOf(dlq, tenant);
            assertThat(dead.get(0).value()).isEqualTo("{not json");
            assertThat(RecordHeaders.text(dead.get(0), "dead-letter-reason")).startsWith("not a valid UsageEvent");
            assertThat(RecordHeaders.text(dead.get(0), "dead-letter-topic")).isEqualTo(Topics.USAGE);
            assertThat(RecordHeaders.text(dead.get(1), "dead-letter-reason"))
                    .isEqualTo("invalid UsageEvent r-bad:1:1: cost_usd is missing");
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(tenantRow(tenant, "cost_usd")).isEqualTo(0.5));
        } finally {
            dlq.close();
        }
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200);
        assertThat(given().get("/q/metrics").body().asString())
                .contains("switchboard_ledger_usage_ingested_total{outcome=\"stored\"}");
    }

    /** A numeric field of the tenant's row in {@code /spend?groupBy=tenant}, or null while nothing is booked. */
    private static Double tenantRow(String tenant, String field) {
        JsonNode rows = Json.tree(spend("groupBy", "tenant", "tenant", tenant).then().statusCode(200).extract()
                .body().asString()).get("rows");
        return rows.isEmpty() ? null : rows.get(0).get(field).asDouble();
    }

    private static double duplicatesCounted() {
        String metrics = given().get("/q/metrics").body().asString();
        return metrics.lines().filter(l -> l.startsWith("switchboard_ledger_usage_ingested_total{outcome=\"duplicate\"}"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static List<ConsumerRecord<String, String>> dlqOf(ConsumerTask<String, String> dlq, String key) {
        return dlq.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }
}
