package dev.switchboard.bench.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportMarkdownTest {

    @Test
    void writesSharesAndNumbersWithoutASignOnWhatRoundsToZero() {
        assertThat(ReportMarkdown.pct(0.4523)).isEqualTo("45.2%");
        assertThat(ReportMarkdown.pct(-0.059)).isEqualTo("-5.9%");
        assertThat(ReportMarkdown.pct(-0.0001)).isEqualTo("0.0%");
        assertThat(ReportMarkdown.pct(null)).isEqualTo("—");
        assertThat(ReportMarkdown.fixed(-0.422)).isEqualTo("-0.422");
        assertThat(ReportMarkdown.fixed(-1.2e-5)).isEqualTo("0.000");
        assertThat(ReportMarkdown.fixed(-0.0005)).isEqualTo("-0.001");
        assertThat(ReportMarkdown.fixed(null)).isEqualTo("—");
    }
}
