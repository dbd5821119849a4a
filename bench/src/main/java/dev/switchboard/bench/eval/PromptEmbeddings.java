package dev.switchboard.bench.eval;

import dev.switchboard.core.policy.RecordedPrompt;
import dev.switchboard.core.policy.TextEmbedder;
import dev.switchboard.embedding.EmbeddingCache;
import dev.switchboard.embedding.OnnxTextEmbedder;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The prompt embedder of one run: the ONNX model an embedder id names, behind a cache, so that a prompt met in every
 * fold is embedded once (and, with a cache directory, once across runs).
 */
final class PromptEmbeddings implements AutoCloseable {

    /** Whole prompts at a time on both cores: one ONNX Runtime thread per call, two calls at once. */
    private static final int THREADS = 2;

    private final OnnxTextEmbedder model;
    private final EmbeddingCache cache;

    private PromptEmbeddings(OnnxTextEmbedder model, Path cacheDirectory) {
        this.model = model;
        this.cache = new EmbeddingCache(model, cacheDirectory);
    }

    /** @param cacheDirectory where vectors are kept between runs; null for this run only */
    static PromptEmbeddings open(String embedderId, Path cacheDirectory) {
        return new PromptEmbeddings(OnnxTextEmbedder.forId(embedderId, 1), cacheDirectory);
    }

    TextEmbedder embedder() {
        return cache;
    }

    /** Embeds every prompt's text now, on both cores, so training and deciding find them cached. */
    void embedAll(List<RecordedPrompt> prompts, PrintStream log) {
        cache.embedAll(prompts.stream().map(p -> p.view().text()).toList(), THREADS, log);
    }

    @Override
    public void close() {
        model.close();
    }
}
