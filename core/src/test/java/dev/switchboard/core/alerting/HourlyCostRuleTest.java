package dev.switchboard.core.alerting;

import dev.switchboard.core.event.Alert;
import dev.switchboard.core.event.AlertStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class HourlyCostRuleTest {

    private static final BigDecimal FIVE = new BigDecimal("5.00");
    private static final Instant NOW = Instant.parse("2026-11-21T23:00:00Z");

    /** Each event is "tenant HH:MM[:SS] cost" on 2026-11-21; each expected alert is "tenant HH value". */
    static Stream<Arguments> scenarios() {
        return Stream.of(
                arguments("a sum equal to the threshold does not fire",
                        List.of("acme 10:05 2.00", "acme 10:30 3.00"), List.of()),
                arguments("the call that takes the hour above the threshold fires with the hour's sum",
                        List.of("acme 10:05 3.00", "acme 10:30 2.23"), List.of("acme 10 5.23")),
                arguments("a tenant-hour fires once however much more it spends",
                        List.of("acme 10:05 6.00", "acme 10:10 1.00", "acme 10:20 9.00"), List.of("acme 10 6.00")),
                arguments("tenants are summed apart",
                        List.of("acme 10:05 3.00", "globex 10:06 3.00", "acme 10:07 3.00", "globex 10:08 2.50"),
                        List.of("acme 10 6.00", "globex 10 5.50")),
                arguments("spend does not carry over into the next clock hour",
                        List.of("acme 10:59:59 4.00", "acme 11:00 4.00", "acme 11:30 1.01"),
                        List.of("acme 11 5.01")),
                arguments("each hour of a tenant fires on its own",
                        List.of("acme 10:00 6.00", "acme 11:00 7.00"), List.of("acme 10 6.00", "acme 11 7.00")),
                arguments("one ten-billionth of a dollar above the threshold fires, exactly",
                        List.of("acme 10:00 5.0000000000", "acme 10:01 0.0000000001"),
                        List.of("acme 10 5.0000000001")),
                arguments("thirds of a dollar add up without drift",
                        List.of("acme 10:00 1.6666666667", "acme 10:01 1.6666666667", "acme 10:02 1.6666666666"),
                        List.of()),
                arguments("a late event within the retained hours still counts",
                        List.of("acme 11:00 3.00", "acme 12:00 1.00", "acme 11:30 3.00"), List.of("acme 11 6.00")),
                arguments("a late event for a dropped hour is ignored, so a fired hour never fires again",
                        List.of("acme 10:00 6.00", "acme 11:00 1.00", "acme 12:00 1.00", "acme 10:30 6.00",
                                "acme 09:00 6.00"),
                        List.of("acme 10 6.00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void firesOncePerTenantHourAboveTheThreshold(String behaviour, List<String> events, List<String> expected) {
        HourlyCostRule rule = new HourlyCostRule(FIVE, 2);
        List<String> fired = new ArrayList<>();
        for (String event : events) {
            String[] f = event.split(" ");
            String time = f[1].length() == 5 ? f[1] + ":00" : f[1];
            rule.observe(f[0], Instant.parse("2026-11-21T" + time + "Z"), new BigDecimal(f[2]), NOW)
                    .ifPresent(a -> fired.add(a.scope().substring("tenant:".length()) + " "
                            + a.windowStart().toString().substring(11, 13) + " " + a.value().toPlainString()));
        }
        assertThat(fired).as(behaviour).isEqualTo(expected);
    }

    @Test
    void alertCarriesKeyWindowValueThresholdAndReadableMessage() {
        HourlyCostRule rule = new HourlyCostRule(FIVE, 2);
        rule.observe("acme", Instant.parse("2026-11-21T10:05:00Z"), new BigDecimal("3.0000000000"), NOW);

        Alert alert = rule.observe("acme", Instant.parse("2026-11-21T10:40:00Z"), new BigDecimal("2.2300000000"), NOW)
                .orElseThrow();

        assertThat(alert.key()).isEqualTo("cost-per-hour|tenant:acme");
        assertThat(alert.alertId()).isEqualTo("cost-per-hour|tenant:acme|2026-11-21T10:00:00Z");
        assertThat(alert.schemaVersion()).isEqualTo(Alert.SCHEMA_VERSION);
        assertThat(alert.rule()).isEqualTo(HourlyCostRule.NAME);
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.value()).isEqualTo(new BigDecimal("5.2300000000"));
        assertThat(alert.threshold()).isEqualTo(FIVE);
        assertThat(alert.windowStart()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(alert.windowEnd()).isEqualTo(Instant.parse("2026-11-21T11:00:00Z"));
        assertThat(alert.at()).isEqualTo(NOW);
        assertThat(alert.message()).isEqualTo("tenant acme spent $5.23 in hour 2026-11-21T10:00Z, above $5.00");
    }

    @Test
    void messageShowsEveryDigitThatMattersButAtLeastCents() {
        assertThat(HourlyCostRule.dollars(new BigDecimal("5.0040000000"))).isEqualTo("5.004");
        assertThat(HourlyCostRule.dollars(new BigDecimal("5"))).isEqualTo("5.00");
        assertThat(HourlyCostRule.dollars(new BigDecimal("1E+1"))).isEqualTo("10.00");
        assertThat(HourlyCostRule.dollars(new BigDecimal("0.0000000001"))).isEqualTo("0.0000000001");
    }

    @Test
    void keepsAtMostTheRetainedHoursPerTenant() {
        HourlyCostRule rule = new HourlyCostRule(FIVE, 3);
        Instant start = Instant.parse("2026-11-21T00:00:00Z");
        for (int hour = 0; hour < 48; hour++) {
            rule.observe("acme", start.plusSeconds(3600L * hour), BigDecimal.ONE, NOW);
            rule.observe("globex", start.plusSeconds(3600L * hour), BigDecimal.ONE, NOW);
        }

        assertThat(rule.bucketCount()).isEqualTo(6);
    }

    @Test
    void rejectsANegativeThresholdOrNoRetainedHour() {
        assertThatThrownBy(() -> new HourlyCostRule(new BigDecimal("-1"), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HourlyCostRule(FIVE, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
