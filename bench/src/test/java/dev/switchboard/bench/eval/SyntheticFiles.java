package dev.switchboard.bench.eval;

import dev.switchboard.core.json.Json;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small benchmark source in the format of ../shared/data/routing: three models answering sums in the
 * GSM8K few-shot format, where two cheap answers that agree are right. With or without the score fields.
 */
final class SyntheticFiles {

    static final List<String> MODELS = List.of("small", "medium", "large");

    private SyntheticFiles() {
    }

    static Path models(Path dir) throws IOException {
        List<Map<String, Object>> models = List.of(model("small", "0.1"), model("medium", "0.3"),
                model("large", "2"));
        return Files.writeString(dir.resolve("synthetic.models.json"), Json.write(models));
    }

    /** A task's file of {@code count} prompts. */
    static Path task(Path dir, String task, int count, boolean scored) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", "synthetic/" + task + "/" + i);
            line.put("source", "synthetic");
            line.put("task", task);
            line.put("prompt", "Question: 2 + 3?\nAnswer: 2 + 3 = 5\n#### 5\n\nQuestion: " + task + " case "
                    + Integer.toString(1000 + i * 7919 % 10007, 36) + ": how many pears in all?\nAnswer:");
            Map<String, Object> outcomes = new LinkedHashMap<>();
            outcomes.put("small", outcome(i, i % 3 == 0 ? 1 : 0, "0.0010", scored));
            outcomes.put("medium", outcome(i, i % 4 == 0 ? 2 : 0, "0.0030", scored));
            outcomes.put("large", outcome(i, 0, "0.0200", scored));
            line.put("outcomes", outcomes);
            lines.add(Json.write(line));
        }
        return Files.write(dir.resolve("synthetic-" + task + (scored ? "" : ".blind") + ".jsonl"), lines);
    }

    private static Map<String, Object> outcome(int i, int error, String cost, boolean scored) {
        int answer = 7 + i % 13 + error;
        Map<String, Object> o = new LinkedHashMap<>();
        if (scored) {
            o.put("score", error == 0 ? 1.0 : 0.0);
        }
        o.put("response", "Counting them all gives " + answer + ".\n#### " + answer);
        o.put("input_tokens", 60);
        o.put("output_tokens", 12);
        o.put("cost_usd", new BigDecimal(cost));
        return o;
    }

    private static Map<String, Object> model(String id, String price) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("provider", "synthetic");
        m.put("input_usd_per_mtok", new BigDecimal(price));
        m.put("output_usd_per_mtok", new BigDecimal(price));
        return m;
    }
}
