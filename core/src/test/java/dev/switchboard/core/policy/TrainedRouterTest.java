package dev.switchboard.core.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainedRouterTest {

    private static final RouterSettings SETTINGS = RouterSettings.defaults(0.95)
            .withSignals(EnumSet.of(Signal.PRIOR, Signal.AGREEMENT, Signal.FINAL_ANSWER));
    private static final TextEmbedder EMBEDDER = new WordHashEmbedder();

    @Test
    void anEmbeddingRouterDecidesTheSameAfterASaveAndALoad() {
        List<RecordedPrompt> prompts = prompts();
        TrainedRouter trained = new RouterTrainer(SETTINGS.withPredictor(PredictorState.EMBEDDING), EMBEDDER)
                .train(prompts, SyntheticBenchmark.MODELS);

        String json = Json.write(trained);
        TrainedRouter loaded = Json.read(json, TrainedRouter.class);

        assertThat(json).contains("\"format\":\"switchboard-router/2\"").contains("\"kind\":\"embedding\"");
        assertThat(loaded.embedderId()).isEqualTo("word-hash-32");
        assertThat(Json.write(loaded)).isEqualTo(json);
        assertThat(decisions(loaded, prompts)).isEqualTo(decisions(trained, prompts));
        PromptView unseen = SyntheticBenchmark.prompts(50, "sums").get(45).view();
        assertThat(loaded.evidence(EMBEDDER).prior(unseen)).isEqualTo(trained.evidence(EMBEDDER).prior(unseen))
                .containsOnlyKeys(SyntheticBenchmark.MODELS);
    }

    @Test
    void aBlendedRouterKeepsBothPredictors() {
        List<RecordedPrompt> prompts = prompts();
        TrainedRouter trained = new RouterTrainer(SETTINGS.withPredictor(PredictorState.BLEND), EMBEDDER)
                .train(prompts, SyntheticBenchmark.MODELS);

        TrainedRouter loaded = Json.read(Json.write(trained), TrainedRouter.class);

        assertThat(loaded.predictor()).isInstanceOf(BlendedQualityPredictor.State.class);
        assertThat(loaded.embedderId()).isEqualTo("word-hash-32");
        PromptView view = prompts.get(3).view();
        assertThat(loaded.evidence(EMBEDDER).prior(view)).isEqualTo(trained.evidence(EMBEDDER).prior(view));
    }

    @Test
    void refusesToDecideWithAnotherEmbedderThanItWasTrainedWith() {
        TrainedRouter router = Json.read(Json.write(new RouterTrainer(SETTINGS.withPredictor(
                PredictorState.EMBEDDING), EMBEDDER).train(prompts(), SyntheticBenchmark.MODELS)), TrainedRouter.class);

        assertThatThrownBy(() -> router.evidence(new WordHashEmbedder("bge-small-en-v1.5-q/last-128")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trained on prompt embeddings of word-hash-32")
                .hasMessageContaining("the embedder given is bge-small-en-v1.5-q/last-128");
        assertThatThrownBy(() -> router.evidence(null)).hasMessageContaining("needs that embedder");
    }

    @Test
    void readsAFormatOneRouterAsAWordRouter() {
        List<RecordedPrompt> prompts = prompts();
        TrainedRouter trained = new RouterTrainer(SETTINGS).train(prompts, SyntheticBenchmark.MODELS);
        ObjectNode old = (ObjectNode) Json.tree(Json.write(trained));
        old.put("format", "switchboard-router/1");
        ((ObjectNode) old.get("predictor")).remove("kind");
        ((ObjectNode) old.get("settings")).remove("predictor");

        TrainedRouter read = Json.read(Json.write(old), TrainedRouter.class);

        assertThat(read.format()).isEqualTo(TrainedRouter.FORMAT);
        assertThat(read.predictor()).isInstanceOf(KnnQualityPredictor.State.class);
        assertThat(read.settings().predictor()).isEqualTo(PredictorState.WORDS);
        assertThat(read.embedderId()).isNull();
        assertThat(decisions(read, prompts)).isEqualTo(decisions(trained, prompts));
    }

    @Test
    void anEmbeddingPredictorCannotBeTrainedWithoutAnEmbedder() {
        assertThatThrownBy(() -> new RouterTrainer(SETTINGS.withPredictor(PredictorState.EMBEDDING)))
                .hasMessageContaining("needs a prompt embedder");
        assertThatThrownBy(() -> SETTINGS.withPredictor("letters")).hasMessageContaining("predictor must be one of");
    }

    private static List<RecordedPrompt> prompts() {
        List<RecordedPrompt> prompts = new ArrayList<>(SyntheticBenchmark.prompts(40, "sums"));
        prompts.addAll(SyntheticBenchmark.prompts(20, "totals"));
        return prompts;
    }

    private static List<String> decisions(TrainedRouter router, List<RecordedPrompt> prompts) {
        TextEmbedder embedder = router.embedderId() == null ? null : EMBEDDER;
        return RecordedRouting.route(router, embedder, prompts, false).stream()
                .map(r -> r.operating().calls() + "->" + r.operating().answeredBy()).toList();
    }
}
