package dev.switchboard.bench.demo;

import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.intake.RequestIntake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The demo's requests: one {@code llm.requests} record per JSON line, validated as the services validate them. */
public final class Workload {

    /** The built-in workload: varied prompts of several tenants, projects, users and features. */
    public static final String BUILT_IN = "/demo/workload.jsonl";

    private Workload() {
    }

    public static List<LlmRequest> builtIn() {
        try (InputStream in = Workload.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + BUILT_IN + " is missing");
            }
            return read(in, BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILT_IN, e);
        }
    }

    /**
     * Reads one request per non-blank line.
     *
     * @throws IllegalArgumentException naming the line and field of the first invalid request or repeated id
     */
    public static List<LlmRequest> read(InputStream in, String source) throws IOException {
        List<LlmRequest> requests = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNo = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            RequestIntake.Outcome outcome = RequestIntake.read(line);
            if (outcome instanceof RequestIntake.Invalid invalid) {
                throw new IllegalArgumentException(source + " line " + lineNo + ": " + invalid.field() + ": "
                        + invalid.message());
            }
            LlmRequest request = ((RequestIntake.Accepted) outcome).request();
            if (!ids.add(request.id())) {
                throw new IllegalArgumentException(source + " line " + lineNo + ": id '" + request.id()
                        + "' appears twice");
            }
            requests.add(request);
        }
        return requests;
    }

    /** The request as sent now: the send time as {@code created_at}. */
    public static LlmRequest sentAt(LlmRequest request, Instant now) {
        return new LlmRequest(request.schemaVersion(), request.id(), request.attempt(), request.tenant(),
                request.project(), request.user(), request.feature(), request.tags(), request.body(), request.hints(),
                now);
    }
}
