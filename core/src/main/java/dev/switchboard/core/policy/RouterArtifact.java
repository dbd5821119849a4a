package dev.switchboard.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.core.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Reads and writes a trained router: JSON, gzip-compressed when the file name ends in {@code .gz}. */
public final class RouterArtifact {

    private RouterArtifact() {
    }

    public static void write(TrainedRouter router, Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (OutputStream out = open(file)) {
                Json.MAPPER.writeValue(out, router);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** @throws IllegalArgumentException when the file is not a trained router */
    public static TrainedRouter read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Reads a trained router from a stream, gunzipping it when {@code name} ends in {@code .gz}; the caller closes
     * the stream.
     *
     * @param name the file or resource name, for the compression and for error messages
     * @throws IllegalArgumentException when the content is not a trained router
     */
    public static TrainedRouter read(InputStream raw, String name) {
        try {
            InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            return Json.MAPPER.readValue(in, TrainedRouter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + " is not a trained router: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static OutputStream open(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPOutputStream(out) : out;
    }
}
