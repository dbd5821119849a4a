package dev.switchboard.core.eval;

import dev.switchboard.core.recorded.BenchmarkLine;
import dev.switchboard.core.recorded.RecordedOutcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A four-prompt, two-model run whose every number is worked out by hand in the comments. */
class TaskMetricsTest {

    // cheap costs 0.001 per prompt, strong 0.010; scores (cheap, strong): p1 (1, 1), p2 (0, 1), p3 (1, 0),
    // p4 (0, 0.5). cheap: q 0.5 for 0.004; strong: q 0.625 for 0.04 (the best model).
    static final List<BenchmarkLine> LINES = List.of(line("p1", 1, 1), line("p2", 0, 1), line("p3", 1, 0),
            line("p4", 0, 0.5));
    // A cascade that escalated p2 and p4 only: q (1 + 1 + 1 + 0.5) / 4 = 0.875 for 0.024.
    static final Map<String, Choice> CASCADE = Map.of("p1", Choice.single("cheap"), "p2", escalated(),
            "p3", Choice.single("cheap"), "p4", escalated());

    @Test
    void theOracleTakesTheCheapestCorrectModelElseTheBestScoring() {
        assertThat(LINES.stream().map(Oracle::choose)).containsExactly("cheap", "strong", "cheap", "strong");
        RunTotals oracle = RunTotals.of(LINES, l -> Choice.single(Oracle.choose(l)));
        assertThat(oracle.quality()).isCloseTo(0.875, within(1e-12));
        assertThat(oracle.costUsd()).isEqualByComparingTo("0.022");
    }

    @Test
    void billsEveryCallAndScoresTheAnsweringModel() {
        RunTotals run = RunTotals.of(LINES, l -> CASCADE.get(l.id()));
        assertThat(run.costUsd()).isEqualByComparingTo("0.024");
        assertThat(run.quality()).isCloseTo(0.875, within(1e-12));
        assertThat(run.callShare("strong")).isEqualTo(0.5);
    }

    @Test
    void measuresSavingsAiqApgrAndCptAgainstTheSingleModels() {
        RunTotals operating = RunTotals.of(LINES, l -> CASCADE.get(l.id()));
        List<SweepPoint> sweep = List.of(
                new SweepPoint(0, RunTotals.of(LINES, l -> Choice.single("cheap"))),
                new SweepPoint(0.5, operating),
                new SweepPoint(1, RunTotals.of(LINES, l -> escalated())));

        TaskMetrics m = TaskMetrics.of("t", LINES, operating, sweep, 0.95);

        assertThat(m.bestModel()).isEqualTo("strong");
        assertThat(m.cheapestModel()).isEqualTo("cheap");
        assertThat(m.bestQuality()).isCloseTo(0.625, within(1e-12));
        // target 0.95 × 0.625 = 0.59375; the hull reaches it at 0.004 + 0.036 × 0.09375 / 0.125 = 0.031
        assertThat(m.hullSavingAtTarget()).isCloseTo(1 - 0.031 / 0.04, within(1e-12));
        assertThat(m.oracleSavingAtTarget()).isCloseTo(1 - 0.022 / 0.04, within(1e-12));
        assertThat(m.halfwaySaving()).isCloseTo((0.225 + 0.45) / 2, within(1e-12));
        assertThat(m.policySavingAtTarget()).isCloseTo(0.4, within(1e-12));
        assertThat(m.operatingSaving()).isCloseTo(0.4, within(1e-12));
        // hull: a line from (0.004, 0.5) to (0.04, 0.625), mean 0.5625; policy: up to (0.024, 0.875), then flat
        assertThat(m.aiqHull()).isCloseTo(0.5625, within(1e-12));
        assertThat(m.aiqPolicy()).isCloseTo((0.02 * (0.5 + 0.875) / 2 + 0.016 * 0.875) / 0.036, within(1e-12));
        // two models: x = share of calls to the strong one: (0, 0.5), (0.5, 0.875), (1, 0.625)
        assertThat(m.strongShareAxis()).isEqualTo("strong_calls");
        assertThat(m.apgr()).isCloseTo((0.71875 - 0.5) / 0.125, within(1e-12));
        assertThat(m.cpt50()).isCloseTo(0.5 * (0.0625 / 0.375), within(1e-12));
    }

    @Test
    void routersCalibratedToOtherTargetsJoinTheCurveButNotApgr() {
        RunTotals escalatedAll = RunTotals.of(LINES, l -> escalated());
        List<SweepPoint> sweep = List.of(
                new SweepPoint(0, RunTotals.of(LINES, l -> Choice.single("cheap"))),
                new SweepPoint(1, escalatedAll));
        List<TargetPoint> targets = List.of(new TargetPoint(0.9, RunTotals.of(LINES, l -> CASCADE.get(l.id()))));

        TaskMetrics sweepOnly = TaskMetrics.of("t", LINES, escalatedAll, sweep, 0.95);
        TaskMetrics withTargets = TaskMetrics.of("t", LINES, escalatedAll, sweep, targets, 0.95);

        // the sweep reaches 0.59375 only by calling both models everywhere: 0.044, dearer than the best model
        assertThat(sweepOnly.policySavingAtTarget()).isCloseTo(1 - 0.044 / 0.04, within(1e-12));
        // the router calibrated to 90% lands at (0.024, 0.875): cheaper, and above the best model
        assertThat(withTargets.policySavingAtTarget()).isCloseTo(0.4, within(1e-12));
        assertThat(withTargets.aiqPolicy()).isCloseTo((0.02 * (0.5 + 0.875) / 2 + 0.016 * 0.875) / 0.036,
                within(1e-12));
        assertThat(withTargets.aiqPolicy()).isGreaterThan(sweepOnly.aiqPolicy());
        // APGR reads the threshold sweep only: (0, 0.5) to (1, 0.625) is the straight line, 0.5 of the gap
        assertThat(withTargets.apgr()).isCloseTo(0.5, within(1e-12));
        assertThat(withTargets.apgr()).isEqualTo(sweepOnly.apgr());
    }

    @Test
    void aBlindRunHasCostsButNoQuality() {
        List<BenchmarkLine> blind = List.of(blindLine("p1"));
        RunTotals run = RunTotals.of(blind, l -> Choice.single("cheap"));
        assertThat(run.quality()).isNull();
        assertThat(run.costUsd()).isEqualByComparingTo("0.001");
        assertThatThrownBy(run::point).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Oracle.choose(blind.get(0))).hasMessageContaining("no scores");
    }

    @Test
    void aChoiceAnswersWithACalledModelOnly() {
        assertThatThrownBy(() -> new Choice(List.of("cheap"), "strong")).hasMessageContaining("not among");
        assertThatThrownBy(() -> new Choice(List.of("cheap", "cheap"), "cheap")).hasMessageContaining("once");
    }

    static Choice escalated() {
        return new Choice(List.of("cheap", "strong"), "strong");
    }

    static BenchmarkLine line(String id, double cheap, double strong) {
        Map<String, RecordedOutcome> outcomes = new LinkedHashMap<>();
        outcomes.put("cheap", new RecordedOutcome(cheap, "a", 10, 1, new BigDecimal("0.001")));
        outcomes.put("strong", new RecordedOutcome(strong, "a", 10, 1, new BigDecimal("0.010")));
        return new BenchmarkLine(id, "s", "t", "prompt " + id, null, outcomes);
    }

    private static BenchmarkLine blindLine(String id) {
        return new BenchmarkLine(id, "s", "t", "p", null, Map.of("cheap",
                new RecordedOutcome(null, "a", 10, 1, new BigDecimal("0.001"))));
    }
}
