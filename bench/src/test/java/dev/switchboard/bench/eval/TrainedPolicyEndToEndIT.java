package dev.switchboard.bench.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.bench.demo.RecordedWorkload;
import dev.switchboard.bench.demo.RequestSender;
import dev.switchboard.bench.stack.LedgerDatabase;
import dev.switchboard.bench.stack.LocalStack;
import dev.switchboard.bench.stack.StackSettings;
import dev.switchboard.bench.stack.SwitchboardService;
import dev.switchboard.bench.stack.TopicTail;
import dev.switchboard.core.Topics;
import dev.switchboard.core.event.CascadeTraceEntry;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.ResultStatus;
import dev.switchboard.core.event.RoutedRequest;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.recorded.RecordedCatalog;
import dev.switchboard.testsupport.PostgresDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The eval and the live service cannot drift apart: a router trained on recorded prompts of the catalog's own models
 * is loaded by the classifier service; the packaged services, on a real broker, the replay provider answering with
 * the recorded answers, call for every prompt exactly the models {@code ./switchboard eval --model} calls, in the
 * same order, and answer with the same one.
 */
class TrainedPolicyEndToEndIT {

    private static final Duration RESULTS_TIMEOUT = Duration.ofSeconds(90);
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path dir;

    @Test
    void theServicesCallTheModelsTheEvaluatorCallsAndAnswerWithTheSameOne() throws IOException {
        Path home = StackSettings.findHome();
        List<SwitchboardService> missing = LocalStack.missingJars(home);
        if (!missing.isEmpty()) {
            fail("The services are not packaged (" + missing + "). Run ./mvnw verify from the project root, or "
                    + "./mvnw -DskipTests package first.");
        }
        Path models = SyntheticFiles.models(dir);
        List<Path> data = List.of(SyntheticFiles.task(dir, "sums", 90, true),
                SyntheticFiles.task(dir, "totals", 45, true));
        Path router = dir.resolve("router.json.gz");
        EvalRun.train(options(data, models, router, List.of("--predictor", "words")), QUIET);
        Path offline = dir.resolve("offline");
        EvalRun.eval(options(data, models, offline, List.of("--model", router.toString())), List.of(), QUIET);
        Map<String, JsonNode> decisions = new HashMap<>();
        for (String line : Files.readAllLines(offline.resolve("decisions.jsonl"))) {
            JsonNode decision = Json.tree(line);
            decisions.put(decision.get("id").asText(), decision);
        }
        // plus prompts of a task the router never saw, which its fallback policy decides
        List<Path> live = new ArrayList<>(data);
        live.add(SyntheticFiles.task(dir, "never-seen", 20, true));
        Path unseen = dir.resolve("unseen");
        EvalRun.eval(options(List.of(live.get(2)), models, unseen, List.of("--model", router.toString())),
                List.of(), QUIET);
        for (String line : Files.readAllLines(unseen.resolve("decisions.jsonl"))) {
            JsonNode decision = Json.tree(line);
            decisions.put(decision.get("id").asText(), decision);
        }

        RecordedWorkload workload = RecordedWorkload.load(live, models, null);
        List<LlmRequest> requests = workload.requests();
        assertThat(requests).hasSize(155);
        Path catalog = Files.writeString(dir.resolve("catalog.json"),
                RecordedCatalog.toCatalogFile(workload.catalog(), "synthetic models"));
        PostgresDatabase.Connection server = PostgresDatabase.resolve();
        LedgerDatabase database = LedgerDatabase.fresh(server.jdbcUrl(), server.username(), server.password(),
                "switchboard_e2e_trained");
        StackSettings settings = new StackSettings(home, home.resolve("bench/target/e2e-trained"), 0,
                new BigDecimal("1000"), Duration.ofSeconds(100),
                Map.of("CLASSIFIER_PREDICTOR_ROUTER", router.toString()))
                .withReplay(new StackSettings.Replay(catalog, live));

        Map<String, LlmResult> results = new HashMap<>();
        Map<String, RoutedRequest> routed = new HashMap<>();
        try (LocalStack stack = LocalStack.start(settings, database, line -> System.out.println("[e2e-trained] "
                + line));
             TopicTail tail = new TopicTail(stack.bootstrapServers(), List.of(Topics.RESULTS,
                     Topics.REQUESTS_ROUTED))) {
            RequestSender.sendAll(stack.bootstrapServers(), requests);
            long deadline = System.nanoTime() + RESULTS_TIMEOUT.toNanos();
            while (results.size() < requests.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : tail.poll(Duration.ofMillis(250))) {
                    if (record.topic().equals(Topics.RESULTS)) {
                        LlmResult result = Json.read(record.value(), LlmResult.class);
                        results.put(result.id(), result);
                    } else {
                        RoutedRequest request = Json.read(record.value(), RoutedRequest.class);
                        routed.put(request.request().id(), request);
                    }
                }
            }
        }

        assertThat(results.keySet()).as("requests answered").containsExactlyInAnyOrderElementsOf(
                requests.stream().map(LlmRequest::id).toList());
        Map<String, Integer> kinds = new HashMap<>();
        for (LlmRequest request : requests) {
            LlmResult result = results.get(request.id());
            JsonNode decision = decisions.get(request.id());
            String rationale = routed.get(request.id()).plan().rationale();
            assertThat(result.status()).as("%s: %s", request.id(), result.error()).isEqualTo(ResultStatus.OK);
            assertThat(rationale).as(request.id()).contains("trained policy for");
            List<String> calls = result.cascade().stream().map(CascadeTraceEntry::model).toList();
            List<String> expected = new ArrayList<>();
            decision.get("calls").forEach(call -> expected.add(call.asText()));
            assertThat(calls).as("%s calls (%s)", request.id(), rationale).isEqualTo(expected);
            assertThat(result.model()).as("%s answered by (%s)", request.id(), rationale)
                    .isEqualTo(decision.get("answered_by").asText());
            kinds.merge(calls.size() + " call(s)" + (request.feature().equals("never-seen") ? ", unseen task" : ""),
                    1, Integer::sum);
        }
        // cascades that stop at the first, second and third model were all compared, on seen and unseen tasks
        System.out.println("[e2e-trained] prompts compared: " + kinds.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        assertThat(kinds).containsKeys("1 call(s)", "2 call(s)", "3 call(s)");
        assertThat(kinds.keySet()).anyMatch(k -> k.endsWith("unseen task"));
    }

    private static EvalOptions options(List<Path> data, Path models, Path out, List<String> extra) {
        List<String> args = new ArrayList<>();
        data.forEach(file -> args.addAll(List.of("--data", file.toString())));
        args.addAll(List.of("--models", models.toString(), "--out", out.toString()));
        args.addAll(extra);
        return EvalOptions.parse(args, out.getFileName().toString().contains(".json"));
    }
}
