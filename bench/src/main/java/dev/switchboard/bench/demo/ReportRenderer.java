package dev.switchboard.bench.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.recorded.ScoreComparison;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a demo's {@link CostReport} (and, for recorded prompts, its {@link ScoreComparison}) as Markdown and JSON. */
final class ReportRenderer {

    private ReportRenderer() {
    }

    /** @param quality the recorded scores of a replayed run; null for simulated answers */
    static String json(CostReport report, RunFacts run, ScoreComparison quality) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("run", run);
        document.put("report", report);
        if (quality != null) {
            document.put("quality", quality);
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    /** @param quality the recorded scores of a replayed run; null for simulated answers */
    static String markdown(CostReport report, RunFacts run, ScoreComparison quality) {
        StringBuilder md = new StringBuilder();
        md.append("# Switchboard demo report\n\n");
        intro(md, run);
        md.append("- Started ").append(run.startedAt()).append(", wall time ").append(run.wallTimeSeconds())
                .append(" s (stack start ").append(run.stackStartSeconds()).append(" s, workload ")
                .append(run.workloadSeconds()).append(" s)\n");
        md.append("- Requests sent: ").append(report.requests()).append("; results: ").append(report.results())
                .append("; missing: ").append(report.missingIds().size()).append("; duplicates: ")
                .append(report.duplicateResults()).append("; cache hits: ").append(report.cacheHits()).append('\n');
        md.append("- Statuses: ");
        report.statuses().forEach((status, count) -> md.append(status).append(' ').append(count).append("  "));
        md.append('\n');
        md.append("- Ledger database: ").append(run.database()).append("; service logs: ").append(run.logDir())
                .append("\n\n");

        md.append("## Cost\n\n| | USD |\n|---|---:|\n");
        md.append("| routed by Switchboard | ").append(usd(report.totalCostUsd())).append(" |\n");
        md.append("| baseline: every request on ").append(run.baselineModel()).append(" | ")
                .append(usd(report.baselineCostUsd())).append(" |\n");
        md.append("| **savings** | **").append(report.savingsPercent()).append(" %** |\n\n");

        md.append("## Requests per model\n\n| model | requests | cost USD | share of cost |\n|---|---:|---:|---:|\n");
        for (CostReport.ModelLine line : report.models()) {
            md.append("| ").append(line.model()).append(" | ").append(line.requests()).append(" | ")
                    .append(usd(line.costUsd())).append(" | ").append(share(line.costUsd(), report.totalCostUsd()))
                    .append(" |\n");
        }

        if (!report.unanswered().isEmpty()) {
            md.append("\nNot answered by a model:\n\n| request | status | error | message |\n|---|---|---|---|\n");
            for (CostReport.Unanswered u : report.unanswered()) {
                md.append("| ").append(u.id()).append(" | ").append(u.status()).append(" | ").append(u.code())
                        .append(" | ").append(u.message()).append(" |\n");
            }
        }

        if (quality != null) {
            QualitySection.append(md, quality, run.recordedData(), run.baselineModel());
        }

        md.append("\n## Latency (end to end, from the results)\n\n");
        md.append("p50 ").append(ms(report.p50LatencyMs())).append(", p95 ").append(ms(report.p95LatencyMs()))
                .append("\n\n");

        md.append("## Spend per tenant: results vs. ledger\n\n| tenant | results USD | ledger USD | agree |\n")
                .append("|---|---:|---:|---|\n");
        for (CostReport.TenantLine line : report.tenants()) {
            md.append("| ").append(line.tenant()).append(" | ").append(usd(line.resultsCostUsd())).append(" | ")
                    .append(line.ledgerSpendUsd() == null ? "—" : usd(line.ledgerSpendUsd())).append(" | ")
                    .append(line.matches() ? "yes" : "**no**").append(" |\n");
        }
        if (run.ledgerNote() != null) {
            md.append("\nLedger: ").append(run.ledgerNote()).append('\n');
        }

        md.append("\n## Alerts (llm.alerts; threshold ").append(run.alertThresholdUsdPerHour())
                .append(" USD per tenant per clock hour)\n\n");
        if (report.alerts().isEmpty()) {
            md.append("None fired.\n");
        } else {
            md.append("| status | rule | scope | value | threshold | message |\n|---|---|---|---:|---:|---|\n");
            for (CostReport.AlertLine alert : report.alerts()) {
                md.append("| ").append(alert.status()).append(" | ").append(alert.rule()).append(" | ")
                        .append(alert.scope()).append(" | ").append(plain(alert.value())).append(" | ")
                        .append(plain(alert.threshold())).append(" | ").append(alert.message()).append(" |\n");
            }
        }
        if (!report.missingIds().isEmpty()) {
            md.append("\n## Missing results\n\n").append(String.join(", ", report.missingIds())).append('\n');
        }
        return md.toString();
    }

    private static void intro(StringBuilder md, RunFacts run) {
        if (run.recordedData() == null) {
            md.append("> Answers come from the **").append(run.provider()).append("** provider: no API keys were used ")
                    .append("and no real model was called. Token counts and latencies are simulated (")
                    .append(run.simulatedLatencyMs()).append(" ms per call); costs apply the catalog's real list ")
                    .append("prices to those tokens.\n\n");
            return;
        }
        md.append("> Answers are **recorded answers** from ").append(run.recordedData()).append(", served by the **")
                .append(run.provider()).append("** provider: no API keys were used and no model was called now. ")
                .append("Each answer, its tokens and its cost are what the chosen model produced and cost when the ")
                .append("benchmark was recorded; the latency is set (").append(run.simulatedLatencyMs())
                .append(" ms per call), not recorded. The catalog holds the benchmark's models at its list prices; ")
                .append("their quality levels for routing come from the price rank, never from the recorded scores.")
                .append("\n\n");
    }

    static String usd(BigDecimal amount) {
        return amount.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    private static String share(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "—";
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP) + " %";
    }

    private static String ms(Long millis) {
        return millis == null ? "—" : millis + " ms";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
