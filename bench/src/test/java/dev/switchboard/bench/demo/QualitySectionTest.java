package dev.switchboard.bench.demo;

import dev.switchboard.core.recorded.ScoreComparison;
import dev.switchboard.core.recorded.ScoreComparison.ModelScore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QualitySectionTest {

    private static final ModelScore LLAMA = new ModelScore("Llama-3.1-405B-Inst@sambanova", 0.975,
            new BigDecimal("0.218127"));
    private static final ModelScore OPUS = new ModelScore("claude-3-opus-20240229", 0.97, new BigDecimal("2.74704"));

    @Test
    void showsTheRecordedQualityAndCostNextToTheBestSingleModelAndTheBaselineModel() {
        ScoreComparison quality = new ScoreComparison(200, 199, 0.975, new BigDecimal("0.250996"),
                List.of(LLAMA, OPUS), LLAMA);

        String md = ReportRenderer.markdown(report(), facts("gsm8k.jsonl"), quality);

        assertThat(md).contains("**recorded answers** from gsm8k.jsonl", "**replay** provider",
                "never from the recorded scores",
                "| routed by Switchboard | 199/200 | 0.975 | 0.250996 |",
                "| best single model: Llama-3.1-405B-Inst@sambanova | 200/200 | 0.975 | 0.218127 |",
                "| **Switchboard vs. best single model** |  | **+0.000** | **+15.1 %** |",
                "| baseline model (the catalog's strongest): claude-3-opus-20240229 | 200/200 | 0.970 | 2.747040 |",
                "| **Switchboard vs. baseline model** |  | **+0.005** | **-90.9 %** |");
        assertThat(ReportRenderer.json(report(), facts("gsm8k.jsonl"), quality))
                .contains("\"best_single_model\"", "\"recorded_data\" : \"gsm8k.jsonl\"");
    }

    @Test
    void keepsTheSimulatedReportWithoutAQualitySection() {
        String md = ReportRenderer.markdown(report(), facts(null), null);

        assertThat(md).contains("**simulated** provider").doesNotContain("Quality of the answers");
    }

    private static CostReport report() {
        return CostReport.of(List.of(), List.of(), List.of(), Map.of());
    }

    private static RunFacts facts(String data) {
        return new RunFacts(Instant.parse("2026-11-21T12:00:00Z"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
                data == null ? "simulated" : "replay", 400, new BigDecimal("0.01"), "claude-3-opus-20240229", "db",
                "logs", null, data);
    }
}
