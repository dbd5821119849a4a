package dev.switchboard.core.policy;

import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EmbeddingQualityPredictorTest {

    // The word predictor's six prompts and scores: code prompts where coder scored, poems where poet did.
    private static final List<String> MODELS = KnnQualityPredictorTest.MODELS;
    private static final List<PromptView> PROMPTS = KnnQualityPredictorTest.PROMPTS;
    private static final List<double[]> SCORES = KnnQualityPredictorTest.SCORES;
    private static final TextEmbedder EMBEDDER = new WordHashEmbedder();

    @Test
    void predictsFromTheScoresOfThePromptsNearestInMeaning() {
        EmbeddingQualityPredictor predictor = EmbeddingQualityPredictor.train(MODELS, PROMPTS, SCORES, 2, 0.5,
                EMBEDDER);

        // A task never seen draws neighbours from all tasks: only the vectors can tell these apart.
        Map<String, Double> code = predictor.predict(view("new", "python function that sorts numbers"));
        Map<String, Double> poem = predictor.predict(view("new", "a short poem about the night sea"));

        assertThat(code.get("coder")).isGreaterThan(0.6);
        assertThat(code.get("poet")).isLessThan(0.4);
        assertThat(poem.get("poet")).isGreaterThan(0.6);
        assertThat(poem.get("coder")).isLessThan(0.4);
    }

    @Test
    void drawsNeighboursFromThePromptsOwnTaskWhenTrainingHadIt() {
        EmbeddingQualityPredictor predictor = EmbeddingQualityPredictor.train(MODELS, PROMPTS, SCORES, 2, 0.01,
                EMBEDDER);

        // Worded like a poem, filed under code: its neighbours are code prompts, whose coder always scored.
        assertThat(predictor.predict(view("code", "a short poem about the night sea")).get("coder"))
                .isGreaterThan(0.9);
    }

    @Test
    void leavingOneOutIgnoresThePromptItself() {
        List<double[]> odd = List.of(new double[]{1, 0}, new double[]{1, 0}, new double[]{0, 1},
                new double[]{0, 1}, new double[]{0, 1}, new double[]{0, 1});
        EmbeddingQualityPredictor predictor = EmbeddingQualityPredictor.train(MODELS, PROMPTS, odd, 1, 0.01,
                EMBEDDER);

        // prompt 2's own scores say coder 0 / poet 1; its nearest other prompt of the task (0 or 1) says coder 1
        assertThat(predictor.predictLeavingOut(2).get("coder")).isGreaterThan(0.9);
        assertThat(predictor.predict(PROMPTS.get(2)).get("coder")).isLessThan(0.1);
    }

    @Test
    void leavingATaskOutPredictsAsIfThatTaskHadNeverBeenSeen() {
        EmbeddingQualityPredictor full = EmbeddingQualityPredictor.train(MODELS, PROMPTS, SCORES, 2, 0.5, EMBEDDER);
        EmbeddingQualityPredictor poemsOnly = EmbeddingQualityPredictor.train(MODELS, PROMPTS.subList(3, 6),
                SCORES.subList(3, 6), 2, 0.5, EMBEDDER);

        // prompt 0 is a code prompt: with its task left out only poems are left to learn from, poet always scored
        Map<String, Double> unseen = full.predictLeavingOutTask(0);
        assertThat(unseen.get("coder")).isLessThan(0.1);
        assertThat(full.predictLeavingOut(0).get("coder")).isGreaterThan(0.9);
        // the same as a predictor that never had the task (up to the stored vectors' int8 rounding)
        Map<String, Double> never = poemsOnly.predict(PROMPTS.get(0));
        assertThat(unseen.get("coder")).isCloseTo(never.get("coder"), within(0.02));
        assertThat(unseen.get("poet")).isCloseTo(never.get("poet"), within(0.02));
    }

    @Test
    void predictsTheSameAfterASaveAndALoad() {
        EmbeddingQualityPredictor trained = EmbeddingQualityPredictor.train(MODELS, PROMPTS, SCORES, 2, 0.5,
                EMBEDDER);

        String json = Json.write(trained.state());
        PredictorState read = Json.read(json, PredictorState.class);

        assertThat(json).contains("\"kind\":\"embedding\"").contains("\"embedder\":\"word-hash-32\"");
        assertThat(read).isInstanceOf(EmbeddingQualityPredictor.State.class);
        TrainedPredictor loaded = read.predictor(EMBEDDER);
        for (PromptView prompt : List.of(view("code", "sort a list in python"), view("other", "poem of the sea"))) {
            assertThat(loaded.predict(prompt)).isEqualTo(trained.predict(prompt));
        }
        assertThat(loaded.predictLeavingOut(4)).isEqualTo(trained.predictLeavingOut(4));
    }

    @Test
    void storesVectorsAsBytesCloseToTheOriginals() {
        float[] v = EMBEDDER.embed("write a short poem about autumn leaves");

        EmbeddingQualityPredictor.Example example = EmbeddingQualityPredictor.quantise("t", new double[]{1}, v);

        double dot = 0;
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            dot += v[i] * example.vector()[i] * example.scale();
            norm += Math.pow(example.vector()[i] * example.scale(), 2);
        }
        assertThat(example.vector()).hasSize(WordHashEmbedder.DIMENSION);
        assertThat(dot / Math.sqrt(norm)).isGreaterThan(0.999);
    }

    @Test
    void refusesAnEmbedderOtherThanTheOneItWasTrainedWith() {
        EmbeddingQualityPredictor.State state = EmbeddingQualityPredictor.train(MODELS, PROMPTS, SCORES, 2, 0.5,
                EMBEDDER).state();

        assertThatThrownBy(() -> state.predictor(new WordHashEmbedder("other-model/last-64")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trained on prompt embeddings of word-hash-32")
                .hasMessageContaining("other-model/last-64");
        assertThatThrownBy(() -> state.predictor(null)).hasMessageContaining("needs that embedder");
    }

    static PromptView view(String task, String text) {
        return new PromptView(task, text, List.of(), null);
    }
}
