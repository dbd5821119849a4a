package dev.switchboard.embedding;

import dev.switchboard.core.policy.TextEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingCacheTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path dir;

    @Test
    void embedsEachDistinctTextOnceAndKeepsTheVectorsForTheNextRun() throws Exception {
        CountingEmbedder model = new CountingEmbedder();
        EmbeddingCache cache = new EmbeddingCache(model, dir);

        cache.embedAll(List.of("alpha", "beta", "alpha", "gamma"), 2, QUIET);
        float[] beta = cache.embed("beta");

        assertThat(model.calls.get()).isEqualTo(3);
        assertThat(beta).containsExactly(model.vector("beta"));
        Path file = dir.resolve("counting_v1.vectors");
        assertThat(Files.size(file)).isEqualTo(3 * (32 + 4 * 3));
        assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("alpha");

        CountingEmbedder fresh = new CountingEmbedder();
        EmbeddingCache next = new EmbeddingCache(fresh, dir);
        next.embedAll(List.of("gamma", "alpha", "delta"), 2, QUIET);

        assertThat(fresh.calls.get()).isEqualTo(1);
        assertThat(next.embed("gamma")).containsExactly(model.vector("gamma"));
        assertThat(next.size()).isEqualTo(4);
    }

    @Test
    void dropsAnEntryCutShortByAStoppedRun() throws Exception {
        CountingEmbedder model = new CountingEmbedder();
        new EmbeddingCache(model, dir).embedAll(List.of("alpha", "beta"), 1, QUIET);
        Path file = dir.resolve("counting_v1.vectors");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(file) - 5);
        }

        CountingEmbedder fresh = new CountingEmbedder();
        EmbeddingCache cache = new EmbeddingCache(fresh, dir);
        cache.embedAll(List.of("alpha", "beta"), 1, QUIET);

        assertThat(fresh.calls.get()).isEqualTo(1);
        assertThat(new EmbeddingCache(new CountingEmbedder(), dir).embed("beta")).containsExactly(model.vector("beta"));
        assertThat(Files.size(file)).isEqualTo(2 * (32 + 4 * 3));
    }

    /** Three dimensions from the text's letters; counts its calls. */
    private static final class CountingEmbedder implements TextEmbedder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String id() {
            return "counting/v1";
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public float[] embed(String text) {
            calls.incrementAndGet();
            return vector(text);
        }

        float[] vector(String text) {
            return new float[]{text.length(), text.charAt(0), text.hashCode() % 7};
        }
    }
}
