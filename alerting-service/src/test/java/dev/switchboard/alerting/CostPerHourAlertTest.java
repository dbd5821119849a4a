package dev.switchboard.alerting;

import dev.switchboard.core.Topics;
import dev.switchboard.core.alerting.HourlyCostRule;
import dev.switchboard.core.event.Alert;
import dev.switchboard.core.event.AlertStatus;
import dev.switchboard.core.event.Headers;
import dev.switchboard.core.event.UsageEvent;
import dev.switchboard.core.event.UsageOutcome;
import dev.switchboard.core.json.Json;
import dev.switchboard.testsupport.InjectKafkaCompanion;
import dev.switchboard.testsupport.KafkaTestResource;
import dev.switchboard.testsupport.RecordHeaders;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Usage through the real broker in, cost-per-hour alerts out; the %test threshold is $1.00 per tenant-hour. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class CostPerHourAlertTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PREFIX = "at-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void firesOnceWhenATenantHourGoesAboveTheThresholdAndNeverForATenantBelowIt() {
        String acme = PREFIX + "acme";
        String globex = PREFIX + "globex";
        ConsumerTask<String, String> alerts = companion.consumeStrings().fromTopics(Topics.ALERTS);
        try {
            send(usage(globex, "10:05", "0.40"), usage(globex, "10:20", "0.60"),   // exactly $1.00: no alert
                    usage(acme, "10:00", "0.60"), usage(acme, "10:10", "0.65"),    // $1.25: fires
                    usage(acme, "10:30", "5.00"),                                  // same hour: no second alert
                    // Later hours that fire: their alerts (same key, same partition) arrive after any earlier one.
                    usage(globex, "11:00", "1.50"), usage(acme, "11:10", "1.01"));

            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(alertsOf(alerts, acme)).hasSize(2);
                assertThat(alertsOf(alerts, globex)).hasSize(1);
            });

            List<ConsumerRecord<String, String>> acmeAlerts = alertsOf(alerts, acme);
            assertThat(windows(acmeAlerts)).containsExactly("2026-11-21T10:00:00Z", "2026-11-21T11:00:00Z");
            assertThat(windows(alertsOf(alerts, globex))).containsExactly("2026-11-21T11:00:00Z");
            assertFirstAlertOf(acme, acmeAlerts.get(0));
        } finally {
            alerts.close();
        }
        assertThat(firedCount()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicWithTheReason() {
        String key = PREFIX + "broken";
        ConsumerTask<String, String> dlq = companion.consumeStrings().fromTopics(Topics.DLQ);
        try {
            companion.produceStrings().fromRecords(new ProducerRecord<>(Topics.USAGE, key, "[1, 2"))
                    .awaitCompletion(TIMEOUT);

            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(dlq.getRecords())
                    .anySatisfy(r -> {
                        assertThat(r.key()).isEqualTo(key);
                        assertThat(RecordHeaders.text(r, "dead-letter-reason")).startsWith("not a valid UsageEvent");
                    }));
        } finally {
            dlq.close();
        }
    }

    @Test
    void healthIsUp() {
        given().get("/q/health/ready").then().statusCode(200);
    }

    private void assertFirstAlertOf(String tenant, ConsumerRecord<String, String> record) {
        assertThat(record.key()).isEqualTo("cost-per-hour|tenant:" + tenant);
        assertThat(record.value()).contains("\"status\":\"firing\"", "\"value\":1.25", "\"threshold\":1.00",
                "\"window_start\":\"2026-11-21T10:00:00Z\"", "\"window_end\":\"2026-11-21T11:00:00Z\"");
        Alert alert = Json.read(record.value(), Alert.class);
        assertThat(alert.rule()).isEqualTo(HourlyCostRule.NAME);
        assertThat(alert.scope()).isEqualTo("tenant:" + tenant);
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.value()).isEqualTo(new BigDecimal("1.25"));
        assertThat(alert.threshold()).isEqualTo(new BigDecimal("1.00"));
        assertThat(alert.message())
                .isEqualTo("tenant " + tenant + " spent $1.25 in hour 2026-11-21T10:00Z, above $1.00");
        assertThat(alert.at()).isNotNull();
        assertThat(RecordHeaders.text(record, Headers.EVENT_TYPE)).isEqualTo("Alert");
        assertThat(RecordHeaders.text(record, Headers.EVENT_ID)).isEqualTo(alert.alertId());
        assertThat(RecordHeaders.text(record, Headers.SCHEMA_VERSION)).isEqualTo("1");
    }

    private void send(UsageEvent... events) {
        companion.produceStrings().fromRecords(Arrays.stream(events)
                .map(e -> new ProducerRecord<>(Topics.USAGE, e.tenant(), Json.write(e)))
                .toList()).awaitCompletion(TIMEOUT);
    }

    private static UsageEvent usage(String tenant, String time, String cost) {
        String requestId = UUID.randomUUID().toString();
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, UsageEvent.eventIdFor(requestId, 1, 1), requestId, 1, 1,
                tenant, null, null, null, "gpt-4o", "openai", 1000, 0, 100, new BigDecimal(cost), 300,
                UsageOutcome.OK, null, Instant.parse("2026-11-21T" + time + ":00Z"));
    }

    private static List<ConsumerRecord<String, String>> alertsOf(ConsumerTask<String, String> alerts, String tenant) {
        return alerts.getRecords().stream().filter(r -> r.key().equals("cost-per-hour|tenant:" + tenant)).toList();
    }

    private static List<String> windows(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> Json.read(r.value(), Alert.class).windowStart().toString()).toList();
    }

    private static double firedCount() {
        return given().get("/q/metrics").body().asString().lines()
                .filter(l -> l.startsWith("switchboard_alerts_fired_total{rule=\"cost-per-hour\"}"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
