package dev.switchboard.bench.demo;

import dev.switchboard.core.recorded.ScoreComparison;
import dev.switchboard.core.recorded.ScoreComparison.ModelScore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** The Markdown section that puts a replayed run's recorded quality and cost next to the best single model's. */
final class QualitySection {

    private QualitySection() {
    }

    /** @param baselineModel the catalog's strongest model, which the cost section's baseline assumes */
    static void append(StringBuilder md, ScoreComparison q, String data, String baselineModel) {
        md.append("\n## Quality of the answers (recorded scores)\n\n")
                .append("Each prompt scores what its answering model scored when ").append(data)
                .append(" was recorded (1 = correct; unanswered prompts score 0). The best single model is the one ")
                .append("with the highest mean score on the same ").append(q.prompts()).append(" prompts; a ")
                .append("model's cost is what its recorded answers to all of them cost.\n\n");
        md.append("| | answered | mean score | cost USD |\n|---|---:|---:|---:|\n");
        row(md, "routed by Switchboard", q.answered(), q.prompts(), score(q.routedMeanScore()),
                ReportRenderer.usd(q.routedCostUsd()));
        ModelScore best = q.bestSingleModel();
        if (best == null) {
            md.append("\nNo model has a recorded answer to every prompt, so there is no single model to compare.\n");
            return;
        }
        compare(md, q, "best single model", best);
        q.models().stream().filter(m -> m.model().equals(baselineModel) && !m.equals(best)).findFirst()
                .ifPresent(baseline -> compare(md, q, "baseline model (the catalog's strongest)", baseline));
        md.append("\n<details><summary>Every model on these prompts</summary>\n\n")
                .append("| model | mean score | cost USD |\n|---|---:|---:|\n");
        for (ModelScore model : q.models()) {
            md.append("| ").append(model.model()).append(" | ").append(score(model.meanScore())).append(" | ")
                    .append(ReportRenderer.usd(model.costUsd())).append(" |\n");
        }
        md.append("\n</details>\n");
    }

    /** A single model's row, then how the routed run differs from it. */
    private static void compare(StringBuilder md, ScoreComparison q, String label, ModelScore model) {
        row(md, label + ": " + model.model(), q.prompts(), q.prompts(), score(model.meanScore()),
                ReportRenderer.usd(model.costUsd()));
        row(md, "**Switchboard vs. " + label.replaceFirst(" \\(.*", "") + "**", null, null,
                "**" + signed(q.routedMeanScore() - model.meanScore()) + "**",
                "**" + change(q.routedCostUsd(), model.costUsd()) + "**");
    }

    private static void row(StringBuilder md, String label, Integer answered, Integer prompts, String score,
                            String cost) {
        md.append("| ").append(label).append(" | ").append(answered == null ? "" : answered + "/" + prompts)
                .append(" | ").append(score).append(" | ").append(cost).append(" |\n");
    }

    private static String score(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.3f", value);
    }

    /** The routed cost relative to the other, in percent: {@code -92.1 %} is 92.1 % cheaper. */
    static String change(BigDecimal routed, BigDecimal other) {
        if (other.signum() == 0) {
            return "—";
        }
        BigDecimal percent = routed.subtract(other).multiply(BigDecimal.valueOf(100))
                .divide(other, 1, RoundingMode.HALF_UP);
        return (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + " %";
    }
}
