package dev.switchboard.bench.eval;

import dev.switchboard.core.recorded.BenchmarkLine;
import dev.switchboard.core.recorded.BenchmarkModel;
import dev.switchboard.core.recorded.BenchmarkReader;
import dev.switchboard.core.recorded.RecordedCatalog;
import dev.switchboard.core.recorded.RecordedOutcome;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark files of one source and that source's models file, read for an offline routing run.
 *
 * @param lines  every prompt, file by file, in file order
 * @param models the models file's entries, in file order: the catalog of the run
 */
public record RecordedData(List<BenchmarkLine> lines, List<BenchmarkModel> models) {

    public RecordedData {
        lines = List.copyOf(lines);
        models = List.copyOf(models);
    }

    /**
     * Reads the files.
     *
     * @param blind drop every score while reading, as if the files had none: the run then cannot see them
     * @throws IllegalArgumentException when the files mix sources or a line lacks a model of the models file
     */
    public static RecordedData read(List<Path> files, Path modelsFile, boolean blind) {
        List<BenchmarkModel> models;
        try (InputStream in = Files.newInputStream(modelsFile)) {
            models = RecordedCatalog.readModels(in, modelsFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + modelsFile, e);
        }
        List<BenchmarkLine> lines = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                BenchmarkReader.read(in, file.toString()).forEach(line -> lines.add(blind ? withoutScores(line)
                        : line));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        check(lines, models);
        return new RecordedData(lines, models);
    }

    /** Model ids in models-file order. */
    public List<String> modelIds() {
        return models.stream().map(BenchmarkModel::id).toList();
    }

    /** Whether every outcome carries its score. */
    public boolean scored() {
        return lines.stream().allMatch(l -> l.outcomes().values().stream().allMatch(RecordedOutcome::hasScore));
    }

    /** The lines of each task, tasks in the order they first appear. */
    public Map<String, List<BenchmarkLine>> byTask() {
        Map<String, List<BenchmarkLine>> tasks = new LinkedHashMap<>();
        lines.forEach(line -> tasks.computeIfAbsent(line.task(), t -> new ArrayList<>()).add(line));
        return tasks;
    }

    static BenchmarkLine withoutScores(BenchmarkLine line) {
        Map<String, RecordedOutcome> outcomes = new LinkedHashMap<>();
        line.outcomes().forEach((model, o) -> outcomes.put(model, new RecordedOutcome(null, o.response(),
                o.inputTokens(), o.outputTokens(), o.costUsd())));
        return new BenchmarkLine(line.id(), line.source(), line.task(), line.prompt(), line.turns(), outcomes);
    }

    private static void check(List<BenchmarkLine> lines, List<BenchmarkModel> models) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the data files hold no prompts");
        }
        List<String> sources = lines.stream().map(BenchmarkLine::source).distinct().toList();
        if (sources.size() > 1) {
            throw new IllegalArgumentException("the files mix sources " + sources + ": each source has its own "
                    + "models, so run them separately");
        }
        List<String> ids = models.stream().map(BenchmarkModel::id).toList();
        for (BenchmarkLine line : lines) {
            if (!line.outcomes().keySet().containsAll(ids)) {
                List<String> missing = ids.stream().filter(id -> !line.outcomes().containsKey(id)).toList();
                throw new IllegalArgumentException(line.id() + " has no outcome for " + missing
                        + " of the models file");
            }
        }
    }
}
