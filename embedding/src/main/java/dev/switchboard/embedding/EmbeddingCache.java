package dev.switchboard.embedding;

import dev.switchboard.core.policy.TextEmbedder;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Embeds each distinct text once: a training run meets the same prompt in every fold. Vectors are kept in memory by
 * the SHA-256 of the text and, when a directory is given, in a file per embedder id there, so that the next run on
 * the same prompts skips the model. The file holds hashes and vectors only, never the text.
 */
public final class EmbeddingCache implements TextEmbedder {

    private static final int HASH_BYTES = 32;

    private final TextEmbedder embedder;
    private final Path file;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    /** @param directory where the cache file goes; null to keep vectors in memory only */
    public EmbeddingCache(TextEmbedder embedder, Path directory) {
        this.embedder = embedder;
        this.file = directory == null ? null : directory.resolve(embedder.id().replaceAll("[^A-Za-z0-9.-]", "_")
                + ".vectors");
        if (file != null && Files.isRegularFile(file)) {
            load();
        }
    }

    @Override
    public String id() {
        return embedder.id();
    }

    @Override
    public int dimension() {
        return embedder.dimension();
    }

    /** The cached vector, else the embedder's (kept in memory; call {@link #embedAll} to also save it). */
    @Override
    public float[] embed(String text) {
        return vectors.computeIfAbsent(hash(text), h -> embedder.embed(text)).clone();
    }

    /** Vectors held. */
    public int size() {
        return vectors.size();
    }

    /**
     * Embeds every text not cached yet on {@code threads} threads and appends the new vectors to the cache file.
     *
     * @param log progress, every thousand texts
     */
    public void embedAll(List<String> texts, int threads, PrintStream log) {
        List<String> missing = new ArrayList<>();
        for (String text : new LinkedHashSet<>(texts)) {
            if (!vectors.containsKey(hash(text))) {
                missing.add(text);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        log.println("Embedding " + missing.size() + " prompts with " + embedder.id() + " on " + threads
                + " threads ...");
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "embed");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<float[]>> futures = missing.stream().map(text -> pool.submit(() -> {
                float[] v = embedder.embed(text);
                if (done.incrementAndGet() % 1000 == 0) {
                    log.printf("  %d of %d (%.0f s)%n", done.get(), missing.size(),
                            (System.nanoTime() - started) / 1e9);
                }
                return v;
            })).toList();
            List<float[]> computed = new ArrayList<>();
            for (Future<float[]> f : futures) {
                computed.add(f.get());
            }
            for (int i = 0; i < missing.size(); i++) {
                vectors.put(hash(missing.get(i)), computed.get(i));
            }
            append(missing, computed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("embedding failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        log.printf("Embedded %d prompts in %.0f s%n", missing.size(), (System.nanoTime() - started) / 1e9);
    }

    private void append(List<String> texts, List<float[]> computed) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream raw = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
                for (int i = 0; i < texts.size(); i++) {
                    out.write(HexFormat.of().parseHex(hash(texts.get(i))));
                    for (float x : computed.get(i)) {
                        out.writeFloat(x);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedding cache " + file, e);
        }
    }

    private void load() {
        int width = embedder.dimension();
        long entry = HASH_BYTES + 4L * width;
        try {
            long whole = Files.size(file) / entry * entry;
            if (whole < Files.size(file)) {
                // A run stopped while appending: drop the partial entry, so later entries stay aligned.
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(whole);
                }
            }
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                byte[] key = new byte[HASH_BYTES];
                for (long n = whole / entry; n > 0; n--) {
                    in.readFully(key);
                    float[] v = new float[width];
                    for (int i = 0; i < width; i++) {
                        v[i] = in.readFloat();
                    }
                    vectors.put(HexFormat.of().formatHex(key), v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding cache " + file, e);
        }
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
