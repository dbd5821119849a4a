package dev.switchboard.core.recorded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.switchboard.core.json.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a recorded benchmark file: one {@link BenchmarkLine} per non-blank JSON line (UTF-8). */
public final class BenchmarkReader {

    private BenchmarkReader() {
    }

    /**
     * Every line of the stream; the caller closes it.
     *
     * @param name the file's name, for error messages
     * @throws IllegalArgumentException naming the file, line and problem of the first line that is not a valid
     *                                  benchmark line
     */
    public static List<BenchmarkLine> read(InputStream in, String name) {
        return read(new InputStreamReader(in, StandardCharsets.UTF_8), name);
    }

    /** As {@link #read(InputStream, String)}, from characters. */
    public static List<BenchmarkLine> read(Reader in, String name) {
        List<BenchmarkLine> lines = new ArrayList<>();
        BufferedReader reader = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in);
        int number = 0;
        try {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (!text.isBlank()) {
                    lines.add(parse(text, name, number));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " at line " + (number + 1), e);
        }
        return lines;
    }

    /** One line of a benchmark file. */
    public static BenchmarkLine parse(String json, String name, int lineNumber) {
        try {
            BenchmarkLine line = Json.MAPPER.readValue(json, BenchmarkLine.class);
            if (line == null) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return line;
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException bad ? bad : e;
            String message = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw new IllegalArgumentException(name + " line " + lineNumber + where(e) + ": " + message, e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + " line " + lineNumber + ": not JSON: " + e.getOriginalMessage(),
                    e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    /** The JSON path of a binding error, e.g. {@code outcomes.gpt-4o}, or nothing when it is the whole line. */
    private static String where(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            parts.add(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return parts.isEmpty() ? "" : " (" + String.join(".", parts) + ")";
    }
}
