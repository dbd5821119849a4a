package dev.switchboard.bench.eval;

import dev.switchboard.core.json.Json;
import dev.switchboard.core.policy.RoutedPrompt;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code decisions.jsonl}: one line per prompt at the operating point, {@code {"id", "calls", "answered_by"}}, in the
 * order of the data files. Nothing in it depends on scores, so a blind run writes the same bytes.
 */
public final class DecisionsFile {

    private DecisionsFile() {
    }

    public static void write(List<RoutedPrompt> routed, Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (RoutedPrompt r : routed) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", r.prompt().line().id());
                line.put("calls", r.operating().calls());
                line.put("answered_by", r.operating().answeredBy());
                out.write(Json.write(line));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
