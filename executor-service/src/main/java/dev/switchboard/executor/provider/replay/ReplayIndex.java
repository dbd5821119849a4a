package dev.switchboard.executor.provider.replay;

import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.recorded.BenchmarkLine;
import dev.switchboard.core.recorded.BenchmarkReader;
import dev.switchboard.core.recorded.PromptKey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The recorded benchmark lines by prompt ({@link PromptKey}); a prompt recorded twice keeps its first line, as a
 * replay must answer the same prompt the same way every time.
 */
public final class ReplayIndex {

    private final Map<String, BenchmarkLine> byPrompt;
    private final int lines;

    private ReplayIndex(Map<String, BenchmarkLine> byPrompt, int lines) {
        this.byPrompt = byPrompt;
        this.lines = lines;
    }

    /** An index of these lines. */
    public static ReplayIndex of(List<BenchmarkLine> lines) {
        Map<String, BenchmarkLine> byPrompt = new HashMap<>();
        lines.forEach(line -> byPrompt.putIfAbsent(PromptKey.of(line), line));
        return new ReplayIndex(byPrompt, lines.size());
    }

    /**
     * Reads the benchmark files.
     *
     * @throws IllegalStateException naming the file that is missing or not a benchmark file
     */
    public static ReplayIndex load(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalStateException("executor.replay.data names no benchmark file; replay mode needs at least "
                    + "one (JSONL, format of ../shared/data/routing/README.md)");
        }
        List<BenchmarkLine> all = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                all.addAll(BenchmarkReader.read(in, file.toString()));
            } catch (IOException | UncheckedIOException e) {
                throw new IllegalStateException("executor.replay.data: cannot read " + file.toAbsolutePath() + ": "
                        + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("executor.replay.data: " + e.getMessage(), e);
            }
        }
        return of(all);
    }

    /** The line recorded for this request's prompt: all its user messages, else its first one. */
    public Optional<BenchmarkLine> find(ChatRequest body) {
        return PromptKey.candidates(body).stream().map(byPrompt::get).filter(Objects::nonNull).findFirst();
    }

    /** Lines read, duplicates included. */
    public int lines() {
        return lines;
    }

    /** Distinct prompts that can be answered. */
    public int prompts() {
        return byPrompt.size();
    }
}
