package dev.switchboard.embedding;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnnxTextEmbedderTest {

    private static OnnxTextEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new OnnxTextEmbedder(EmbeddingModel.MINILM, 128, 1);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void givesTheSameUnitVectorForTheSameTextEveryTime() {
        float[] first = embedder.embed("How many legs does a spider have?");
        float[] again = embedder.embed("How many legs does a spider have?");

        assertThat(again).containsExactly(first);
        assertThat(first).hasSize(embedder.dimension());
        assertThat(embedder.dimension()).isEqualTo(384);
        assertThat(dot(first, first)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(embedder.id()).isEqualTo("all-minilm-l6-v2-q/last-128");
    }

    @Test
    void placesSimilarPromptsCloserThanUnrelatedOnes() {
        float[] spider = embedder.embed("How many legs does a spider have?");
        float[] insect = embedder.embed("What is the number of legs on an insect?");
        float[] sql = embedder.embed("Write a SQL query that lists the ten largest invoices of last month.");
        float[] sort = embedder.embed("Write a Python function that sorts a list of invoices by amount.");

        assertThat(dot(spider, insect)).isGreaterThan(dot(spider, sql) + 0.2).isGreaterThan(dot(spider, sort) + 0.2);
        assertThat(dot(sql, sort)).isGreaterThan(dot(sql, spider));
    }

    @Test
    void readsOnlyTheLastTokensOfALongPrompt() {
        String question = "Which planet in the solar system has the most moons?";
        String shots = "Question: What is the boiling point of water at sea level? Answer: 100 degrees Celsius.\n"
                .repeat(60);

        long[] tokens = embedder.tokens(shots + question);

        assertThat(tokens).hasSize(128 + 2);
        // whatever comes before the last 128 tokens does not count: a different opening gives the same vector
        assertThat(embedder.embed("Answer in German, please. " + shots + question))
                .containsExactly(embedder.embed(shots + question));
        // and the question at the end is read
        assertThat(dot(embedder.embed(shots + question), embedder.embed(shots + "Who wrote Hamlet?")))
                .isLessThan(0.99);
    }

    @Test
    void isSafeToCallFromSeveralThreads() throws Exception {
        List<String> texts = List.of("a short poem about the sea", "sum the numbers from 1 to 100",
                "translate good morning into French", "what is the capital of Peru?");
        List<float[]> alone = texts.stream().map(embedder::embed).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                texts.forEach(text -> futures.add(pool.submit(() -> embedder.embed(text))));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).containsExactly(alone.get(i % texts.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void isFoundAgainByItsId() {
        try (OnnxTextEmbedder bge = OnnxTextEmbedder.forId("bge-small-en-v1.5-q/last-32")) {
            assertThat(bge.id()).isEqualTo("bge-small-en-v1.5-q/last-32");
            assertThat(bge.dimension()).isEqualTo(384);
            assertThat(bge.embed("hello")).isNotEqualTo(embedder.embed("hello"));
        }
        assertThat(OnnxTextEmbedder.id(EmbeddingModel.of("minilm"), 128)).isEqualTo(embedder.id());
        assertThatThrownBy(() -> OnnxTextEmbedder.forId("word2vec/last-10")).hasMessageContaining("unknown");
        assertThatThrownBy(() -> OnnxTextEmbedder.forId("minilm")).hasMessageContaining("not an embedder id");
        assertThatThrownBy(() -> new OnnxTextEmbedder(EmbeddingModel.MINILM, 600, 1)).hasMessageContaining("510");
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
