package dev.switchboard.bench.demo;

import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.core.eval.Choice;
import dev.switchboard.core.event.CascadeTraceEntry;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.ResultStatus;
import dev.switchboard.core.recorded.BenchmarkLine;
import dev.switchboard.core.recorded.BenchmarkReader;
import dev.switchboard.core.recorded.RecordedCatalog;
import dev.switchboard.core.recorded.ScoreComparison;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The demo's workload taken from recorded benchmark files: one request per chosen prompt, and the catalog of the
 * models whose answers were recorded (from the source's {@code models.json}), so the run can be judged by the
 * recorded scores afterwards.
 *
 * @param files      the benchmark files the prompts come from
 * @param modelsFile the {@code <source>.models.json} the catalog was converted from
 * @param lines      the chosen prompts, one request each, in sending order
 * @param catalog    the converted catalog every service routes and prices with
 */
public record RecordedWorkload(List<Path> files, Path modelsFile, List<BenchmarkLine> lines, List<ModelSpec> catalog) {

    /** Prompts sent when no limit is given: enough for a visible spread, few enough for a quick run. */
    public static final int DEFAULT_LIMIT = 200;

    /**
     * Reads the files and picks {@code limit} prompts spread evenly over them (and evenly through each file).
     *
     * @param models the models file; null for {@code <source>.models.json} beside the first file
     * @param limit  how many prompts to send; null for all of them
     * @throws IllegalArgumentException when a file is unreadable or empty, the files mix sources, or the models
     *                                  file is missing
     */
    public static RecordedWorkload load(List<Path> files, Path models, Integer limit) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("--data needs at least one benchmark file");
        }
        List<List<BenchmarkLine>> perFile = files.stream().map(RecordedWorkload::read).toList();
        Set<String> sources = new TreeSet<>();
        perFile.forEach(lines -> lines.forEach(line -> sources.add(line.source())));
        if (sources.size() > 1) {
            throw new IllegalArgumentException("the benchmark files mix sources " + sources + "; each source has its "
                    + "own models, so give files of one source per run");
        }
        Path modelsFile = models != null ? models
                : files.get(0).toAbsolutePath().resolveSibling(sources.iterator().next() + ".models.json");
        if (!Files.isRegularFile(modelsFile)) {
            throw new IllegalArgumentException("no models file " + modelsFile + "; name one with --models FILE");
        }
        List<ModelSpec> catalog;
        try (InputStream in = Files.newInputStream(modelsFile)) {
            catalog = RecordedCatalog.toSpecs(RecordedCatalog.readModels(in, modelsFile.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + modelsFile, e);
        }
        return new RecordedWorkload(List.copyOf(files), modelsFile, pick(perFile, limit), catalog);
    }

    /** The requests, one per prompt: the prompt as the user message, the line id as request id. */
    public List<LlmRequest> requests() {
        return lines.stream().map(RecordedWorkload::request).toList();
    }

    public ModelCatalog modelCatalog() {
        return ModelCatalog.of(catalog);
    }

    /** The source of the prompts ({@code zeroeval}, ...). */
    public String source() {
        return lines.get(0).source();
    }

    /** The run's recorded quality next to every single model's: answered prompts score what their model scored. */
    public ScoreComparison compare(List<LlmResult> results) {
        Map<String, Choice> answered = new HashMap<>();
        for (LlmResult result : results) {
            if (result.status() == ResultStatus.OK && result.model() != null) {
                // every answered call of the trace was billed (a cascade's drafts too); failed calls were not
                List<String> calls = result.cascade() == null ? List.of(result.model()) : result.cascade().stream()
                        .filter(step -> step.error() == null).map(CascadeTraceEntry::model).distinct().toList();
                answered.putIfAbsent(result.id(), new Choice(calls.contains(result.model()) ? calls
                        : List.of(result.model()), result.model()));
            }
        }
        return ScoreComparison.of(lines, answered);
    }

    /** {@code limit} lines spread over the files (equal shares, the first files take the remainder). */
    static List<BenchmarkLine> pick(List<List<BenchmarkLine>> perFile, Integer limit) {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be positive, was " + limit);
        }
        Map<String, BenchmarkLine> chosen = new LinkedHashMap<>();
        int files = perFile.size();
        for (int f = 0; f < files; f++) {
            List<BenchmarkLine> lines = perFile.get(f);
            int share = limit == null ? lines.size() : limit / files + (f < limit % files ? 1 : 0);
            for (BenchmarkLine line : spread(lines, share)) {
                chosen.putIfAbsent(line.id(), line);
            }
        }
        return List.copyOf(chosen.values());
    }

    /** {@code n} lines evenly spaced through the list (all of it when it is shorter), so no region dominates. */
    static List<BenchmarkLine> spread(List<BenchmarkLine> lines, int n) {
        if (n >= lines.size()) {
            return lines;
        }
        List<BenchmarkLine> picked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            picked.add(lines.get((int) ((long) i * lines.size() / n)));
        }
        return picked;
    }

    private static List<BenchmarkLine> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("benchmark file not found: " + file.toAbsolutePath());
        }
        try (InputStream in = Files.newInputStream(file)) {
            List<BenchmarkLine> lines = BenchmarkReader.read(in, file.toString());
            if (lines.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no prompts");
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static LlmRequest request(BenchmarkLine line) {
        Map<String, String> tags = Map.of("workload", "recorded", "benchmark_id", line.id(),
                "source", line.source(), "task", line.task());
        return new LlmRequest(LlmRequest.SCHEMA_VERSION, line.id(), 1, line.task(), line.source(), "replay-demo",
                line.task(), tags, new ChatRequest(List.of(ChatMessage.of("user", line.firstTurn())), null, null, null,
                null), null, null);
    }
}
