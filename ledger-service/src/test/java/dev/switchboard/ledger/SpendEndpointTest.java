package dev.switchboard.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.Json;
import dev.switchboard.testsupport.InjectKafkaCompanion;
import dev.switchboard.testsupport.KafkaTestResource;
import dev.switchboard.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.switchboard.ledger.LedgerFixtures.TIMEOUT;
import static dev.switchboard.ledger.LedgerFixtures.send;
import static dev.switchboard.ledger.LedgerFixtures.spend;
import static dev.switchboard.ledger.LedgerFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** {@code GET /spend} over events booked through the broker: two tenants, a cascade, two hours. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class SpendEndpointTest {

    private static final String PREFIX = LedgerFixtures.runPrefix("spend");
    private static final String ACME = PREFIX + "acme";
    private static final String GLOBEX = PREFIX + "globex";
    private static boolean booked;

    @InjectKafkaCompanion
    KafkaCompanion companion;

    /** Books the events once for the whole class: r-1 is a two-step cascade, r-2 an hour later. */
    @BeforeEach
    void bookEventsOnce() {
        if (booked) {
            return;
        }
        send(companion,
                usage("r-1", 1, ACME, "gpt-4.1-mini", "alice", "web", "chat", "0.0010480000", "2026-11-21T10:05:00Z",
                        2000, 1000, 300),
                usage("r-1", 2, ACME, "gpt-4o", "alice", "web", "chat", "0.0072500000", "2026-11-21T10:06:00Z",
                        1000, 200, 500),
                usage("r-2", 1, ACME, "gpt-4o", "bob", "api", "extract", "0.0234000000", "2026-11-21T11:30:00Z",
                        10000, 8000, 1000),
                usage("r-3", 1, GLOBEX, "gpt-4o", null, null, null, "0.6250000000", "2026-11-21T10:15:00Z",
                        100000, 0, 50000));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(keys(spend("groupBy", "tenant",
                "from", "2026-11-21", "to", "2026-11-22"))).contains(ACME, GLOBEX));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(total("groupBy", "tenant", "tenant", ACME))
                .isEqualTo("0.0316980000"));
        booked = true;
    }

    @AfterAll
    static void deleteOwnRows() {
        LedgerFixtures.deleteTenants(PREFIX);
    }

    @Test
    void spendByTenantCountsDistinctRequestsAndSumsTokens() {
        JsonNode report = report("groupBy", "tenant", "from", "2026-11-21T00:00:00Z", "to", "2026-11-22T00:00:00Z");

        assertThat(report.get("group_by").asText()).isEqualTo("tenant");
        assertThat(report.get("from").asText()).isEqualTo("2026-11-21T00:00:00Z");
        assertThat(report.get("to").asText()).isEqualTo("2026-11-22T00:00:00Z");
        assertThat(row(report, ACME)).isEqualTo(new Row(ACME, "0.031698", 2, 13000, 9200, 1800));
        assertThat(row(report, GLOBEX)).isEqualTo(new Row(GLOBEX, "0.625", 1, 100000, 0, 50000));
    }

    @Test
    void spendByModelOfOneTenantIsExactToTheLastDecimalAndMostExpensiveFirst() {
        String body = spend("groupBy", "model", "tenant", ACME).then().statusCode(200)
                .contentType("application/json").extract().asString();

        assertThat(body).contains("\"total_cost_usd\":0.0316980000", "\"cost_usd\":0.0306500000",
                "\"cost_usd\":0.0010480000", "\"tenant\":\"" + ACME + "\"", "\"truncated\":false");
        JsonNode report = Json.tree(body);
        assertThat(keys(report)).containsExactly("gpt-4o", "gpt-4.1-mini");
        assertThat(row(report, "gpt-4o")).isEqualTo(new Row("gpt-4o", "0.03065", 2, 11000, 8200, 1500));
        assertThat(row(report, "gpt-4.1-mini")).isEqualTo(new Row("gpt-4.1-mini", "0.001048", 1, 2000, 1000, 300));
    }

    @Test
    void spendByUserTakesFromInclusiveAndToExclusive() {
        JsonNode tenAm = report("groupBy", "user", "tenant", ACME,
                "from", "2026-11-21T10:00:00Z", "to", "2026-11-21T11:30:00Z");
        JsonNode fromHalfPastEleven = report("groupBy", "user", "tenant", ACME, "from", "2026-11-21T11:30:00Z");

        assertThat(keys(tenAm)).containsExactly("alice");
        assertThat(row(tenAm, "alice")).isEqualTo(new Row("alice", "0.008298", 1, 3000, 1200, 800));
        assertThat(tenAm.get("total_cost_usd").decimalValue()).isEqualByComparingTo("0.0082980000");
        assertThat(keys(fromHalfPastEleven)).containsExactly("bob");
        assertThat(fromHalfPastEleven.get("total_cost_usd").decimalValue()).isEqualByComparingTo("0.0234");
    }

    @Test
    void eventsWithoutTheDimensionAreGroupedUnderANullKey() {
        JsonNode report = report("groupBy", "project", "tenant", GLOBEX);

        assertThat(report.get("rows")).hasSize(1);
        assertThat(report.get("rows").get(0).get("key").isNull()).isTrue();
        assertThat(report.get("rows").get(0).get("cost_usd").decimalValue()).isEqualByComparingTo("0.625");
    }

    @Test
    void aTenantWithoutEventsHasNoRowsAndZeroTotal() {
        JsonNode report = report("groupBy", "feature", "tenant", PREFIX + "nobody");

        assertThat(report.get("rows")).isEmpty();
        assertThat(report.get("total_cost_usd").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void unknownGroupByIsABadRequestNamingTheParameter() {
        spend("groupBy", "colour").then().statusCode(400).contentType("application/json")
                .body("error", equalTo("invalid_parameter"))
                .body("parameter", equalTo("groupBy"))
                .body("message", containsString("tenant|model|user|project|feature"));
    }

    @Test
    void unreadableDateIsABadRequestNamingTheParameter() {
        spend("groupBy", "tenant", "from", "yesterday").then().statusCode(400)
                .body("parameter", equalTo("from"));
        spend("groupBy", "tenant", "from", "2026-11-22", "to", "2026-11-21").then().statusCode(400)
                .body("parameter", equalTo("to"));
    }

    /** The numbers of one report row, costs compared by value. */
    private record Row(String key, String cost, long requests, long input, long cached, long output) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && java.util.Objects.equals(key, r.key)
                    && new java.math.BigDecimal(cost).compareTo(new java.math.BigDecimal(r.cost)) == 0
                    && requests == r.requests && input == r.input && cached == r.cached && output == r.output;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(key, requests);
        }
    }

    private static JsonNode report(String... parameters) {
        return Json.tree(spend(parameters).then().statusCode(200).extract().asString());
    }

    private static String total(String... parameters) {
        return report(parameters).get("total_cost_usd").decimalValue().setScale(10).toPlainString();
    }

    private static Row row(JsonNode report, String key) {
        for (JsonNode r : report.get("rows")) {
            if (key.equals(r.get("key").asText())) {
                return new Row(key, r.get("cost_usd").decimalValue().toPlainString(), r.get("requests").asLong(),
                        r.get("input_tokens").asLong(), r.get("cached_input_tokens").asLong(),
                        r.get("output_tokens").asLong());
            }
        }
        return null;
    }

    private static List<String> keys(io.restassured.response.Response response) {
        return keys(Json.tree(response.then().statusCode(200).extract().asString()));
    }

    private static List<String> keys(JsonNode report) {
        List<String> keys = new ArrayList<>();
        report.get("rows").forEach(r -> keys.add(r.get("key").asText()));
        return keys;
    }
}
