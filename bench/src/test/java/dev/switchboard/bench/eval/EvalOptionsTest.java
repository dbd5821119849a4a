package dev.switchboard.bench.eval;

import dev.switchboard.core.policy.Signal;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvalOptionsTest {

    @Test
    void readsSeveralFilesAfterOneDataOption() {
        List<String> args = EvalMain.expandData(List.of("--data", "a.jsonl", "b.jsonl", "--models", "m.json",
                "--out", "o", "--target-quality", "0.9", "--signals", "agreement,final_answer"));

        EvalOptions options = EvalOptions.parse(args, false);

        assertThat(options.data()).containsExactly(Path.of("a.jsonl"), Path.of("b.jsonl"));
        assertThat(options.settings().targetShare()).isEqualTo(0.9);
        assertThat(options.settings().signals()).containsExactlyInAnyOrder(Signal.AGREEMENT, Signal.FINAL_ANSWER);
        assertThat(options.folds()).isEqualTo(EvalOptions.DEFAULT_FOLDS);
        assertThat(options.mode()).contains("5-fold cross-validation");
    }

    @Test
    void choosesThePredictorAndItsEmbedder() {
        List<String> base = List.of("--data", "a.jsonl", "--models", "m.json", "--out", "o");

        EvalOptions embedding = EvalOptions.parse(concat(base, "--predictor", "embedding", "--embedder",
                "bge-small/last-64", "--embedding-cache", "none"), false);
        EvalOptions words = EvalOptions.parse(concat(base, "--predictor", "words"), true);

        assertThat(embedding.settings().predictor()).isEqualTo("embedding");
        assertThat(embedding.settings().needsEmbedder()).isTrue();
        assertThat(embedding.embedder()).isEqualTo("bge-small/last-64");
        assertThat(embedding.cache()).isNull();
        assertThat(words.settings().needsEmbedder()).isFalse();
        assertThat(EvalOptions.parse(base, false).embedder()).isNull();
        assertThatThrownBy(() -> EvalOptions.parse(concat(base, "--predictor", "tea-leaves"), false))
                .hasMessageContaining("predictor must be one of [words, embedding, blend]");
    }

    @Test
    void laddersTheTargetOnlyWhenRoutersAreTrainedInTheRun() {
        List<String> base = List.of("--data", "a.jsonl", "--models", "m.json", "--out", "o");

        assertThat(EvalOptions.parse(base, false).ladder()).hasSize(12).doesNotContain(0.95).contains(0.7, 1.0);
        assertThat(EvalOptions.parse(concat(base, "--ladder", "1,0.8,0.95,0.8"), false).ladder())
                .containsExactly(0.8, 1.0);
        assertThat(EvalOptions.parse(concat(base, "--ladder", "none"), false).ladder()).isEmpty();
        assertThat(EvalOptions.parse(concat(base, "--model", "r.json"), false).ladder()).isEmpty();
        assertThatThrownBy(() -> EvalOptions.parse(concat(base, "--ladder", "0.8,1.2"), false))
                .hasMessageContaining("shares in (0, 1], was 1.2");
        assertThatThrownBy(() -> EvalOptions.parse(concat(base, "--ladder", "0.8"), true))
                .hasMessageContaining("eval option");
    }

    @Test
    void saysWhatIsWrongWithTheOptions() {
        List<String> base = List.of("--data", "a.jsonl", "--models", "m.json", "--out", "o");
        assertThatThrownBy(() -> EvalOptions.parse(List.of("--data", "a.jsonl"), false))
                .hasMessageContaining("are required");
        assertThatThrownBy(() -> EvalOptions.parse(concat(base, "--blind"), false))
                .hasMessageContaining("--blind needs --model");
        assertThatThrownBy(() -> EvalOptions.parse(concat(base, "--model", "r.json", "--cv", "3"), false))
                .hasMessageContaining("one or the other");
        assertThatThrownBy(() -> EvalOptions.parse(concat(base, "--cv", "3"), true))
                .hasMessageContaining("eval option");
        assertThatThrownBy(() -> EvalOptions.parse(concat(base, "--signals", "vibes"), false))
                .hasMessageContaining("unknown signal");
        assertThatThrownBy(() -> EvalOptions.parse(concat(base, "--target-quality", "1.5"), false))
                .hasMessageContaining("target");
        assertThatThrownBy(() -> EvalOptions.parse(concat(base, "--frobnicate", "1"), false))
                .hasMessageContaining("unknown option --frobnicate");
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }
}
