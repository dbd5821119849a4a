package dev.switchboard.bench;

import dev.switchboard.bench.demo.CostReport;
import dev.switchboard.bench.demo.LedgerSpendClient;
import dev.switchboard.bench.demo.RequestSender;
import dev.switchboard.bench.demo.Workload;
import dev.switchboard.bench.stack.LedgerDatabase;
import dev.switchboard.bench.stack.LocalStack;
import dev.switchboard.bench.stack.StackSettings;
import dev.switchboard.bench.stack.SwitchboardService;
import dev.switchboard.bench.stack.TopicTail;
import dev.switchboard.core.Topics;
import dev.switchboard.core.catalog.ModelCatalog;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.ResultStatus;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.event.RoutedRequest;
import dev.switchboard.core.json.Json;
import dev.switchboard.testsupport.PostgresDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The packaged services end to end, started by the demo's own launcher on a real broker and a real PostgreSQL. */
class EndToEndIT {

    private static final Duration RESULTS_TIMEOUT = Duration.ofSeconds(60);
    /** After the last expected result, how long a duplicate has to show up. */
    private static final Duration DUPLICATE_WATCH = Duration.ofSeconds(3);
    private static final Duration LEDGER_TIMEOUT = Duration.ofSeconds(30);
    private static final ModelCatalog CATALOG = ModelCatalog.builtIn();
    private static final String BAD_RECORD = "this is {not JSON";

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        Path home = StackSettings.findHome();
        List<SwitchboardService> missing = LocalStack.missingJars(home);
        if (!missing.isEmpty()) {
            fail("The services are not packaged (" + missing.stream().map(s -> s.jar(home).toString())
                    .collect(Collectors.joining(", ")) + "). Run the full build from the project root: "
                    + "./mvnw verify (bench comes last in the reactor), or ./mvnw -DskipTests package first.");
        }
        PostgresDatabase.Connection server = PostgresDatabase.resolve();
        LedgerDatabase database = LedgerDatabase.fresh(server.jdbcUrl(), server.username(), server.password(),
                "switchboard_e2e");
        StackSettings settings = new StackSettings(home, home.resolve("bench/target/e2e"), 50,
                new BigDecimal("1000"), Duration.ofSeconds(100), Map.of());
        stack = LocalStack.start(settings, database, line -> System.out.println("[e2e] " + line));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyRequestGetsOneOkResultFromThePlannedModelAndTheLedgerBooksItsCost() throws Exception {
        List<LlmRequest> requests = twentyRequestsOfSeveralTenants();
        Set<String> ids = requests.stream().map(LlmRequest::id).collect(Collectors.toSet());

        try (TopicTail tail = new TopicTail(stack.bootstrapServers(), List.of(Topics.RESULTS, Topics.REQUESTS_ROUTED))) {
            RequestSender.sendAll(stack.bootstrapServers(), requests);
            Observed seen = new Observed(ids);
            seen.readUntil(tail, Observed::allAnswered, RESULTS_TIMEOUT);
            assertThat(seen.unanswered()).as("requests without a result after %s", RESULTS_TIMEOUT).isEmpty();
            seen.readFor(tail, DUPLICATE_WATCH);

            for (String id : ids) {
                List<LlmResult> results = seen.results.get(id);
                assertThat(results).as("results for %s", id).hasSize(1);
                LlmResult result = results.get(0);
                assertThat(result.status()).as("status of %s (error %s)", id, result.error()).isEqualTo(ResultStatus.OK);
                assertThat(CATALOG.find(result.model())).as("model %s of %s", result.model(), id).isPresent();
                assertThat(result.costUsd()).as("cost of %s", id).isPositive();
                RoutePlan plan = seen.plans.get(id);
                assertThat(plan).as("the plan routed for %s", id).isNotNull();
                assertThat(plannedModels(plan)).as("models planned for %s", id).contains(result.model());
                if (plan.steps() == null || plan.steps().size() <= 1) {
                    assertThat(result.model()).as("model of %s", id).isEqualTo(plan.primaryModel());
                }
            }
            assertLedgerConverges(seen.costPerTenant());
        }
    }

    @Test
    void aRecordThatIsNotJsonDoesNotStopTheRequestsAfterIt() throws Exception {
        LlmRequest good = Workload.builtIn().get(0);
        LlmRequest after = new LlmRequest(good.schemaVersion(), "e2e-after-bad-record", null, "e2e-resilience",
                good.project(), good.user(), good.feature(), good.tags(), good.body(), null, null);

        try (TopicTail tail = new TopicTail(stack.bootstrapServers(), List.of(Topics.RESULTS, Topics.DLQ));
             KafkaProducer<String, String> producer = RequestSender.producer(stack.bootstrapServers())) {
            // same key as the good request, so both land on one partition and the bad one is read first
            producer.send(new ProducerRecord<>(Topics.REQUESTS, after.id(), BAD_RECORD)).get();
            producer.send(RequestSender.record(after)).get();

            Observed seen = new Observed(Set.of(after.id()));
            seen.readUntil(tail, o -> o.allAnswered() && o.deadLetters.contains(BAD_RECORD), RESULTS_TIMEOUT);

            assertThat(seen.results.get(after.id())).as("results of the request after the bad record")
                    .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(ResultStatus.OK));
            assertThat(seen.deadLetters).as("records on %s", Topics.DLQ).contains(BAD_RECORD);
        }
    }

    /** Twenty requests of the built-in workload with no hints and distinct prompts, under four test tenants. */
    private static List<LlmRequest> twentyRequestsOfSeveralTenants() {
        Set<String> prompts = new HashSet<>();
        List<LlmRequest> picked = new ArrayList<>();
        for (LlmRequest r : Workload.builtIn()) {
            if (r.hints() == null && prompts.add(r.body().lastUserText()) && picked.size() < 20) {
                picked.add(new LlmRequest(r.schemaVersion(), "e2e-" + r.id(), null, "e2e-" + r.tenant(),
                        r.project(), r.user(), r.feature(), r.tags(), r.body(), null, null));
            }
        }
        assertThat(picked.stream().map(LlmRequest::tenant).distinct()).hasSizeGreaterThanOrEqualTo(4);
        return picked;
    }

    private static Set<String> plannedModels(RoutePlan plan) {
        Set<String> models = new HashSet<>();
        models.add(plan.primaryModel());
        if (plan.steps() != null) {
            plan.steps().forEach(step -> models.add(step.model()));
        }
        return models;
    }

    /** Polls the ledger until each tenant's spend equals its results' cost (to the micro-dollar, see CostReport). */
    private static void assertLedgerConverges(Map<String, BigDecimal> expected) throws InterruptedException {
        LedgerSpendClient ledger = new LedgerSpendClient(stack.baseUri(SwitchboardService.LEDGER));
        long deadline = System.nanoTime() + LEDGER_TIMEOUT.toNanos();
        Map<String, BigDecimal> booked = Map.of();
        String problem = null;
        while (System.nanoTime() < deadline) {
            try {
                booked = ledger.spendByTenant();
                problem = null;
                Map<String, BigDecimal> current = booked;
                if (expected.entrySet().stream().allMatch(e -> current.containsKey(e.getKey())
                        && CostReport.agree(e.getValue(), current.get(e.getKey())))) {
                    return;
                }
            } catch (Exception e) {
                problem = e.toString();
            }
            Thread.sleep(500);
        }
        fail("the ledger's spend per tenant " + booked + " did not reach the results' " + expected + " within "
                + LEDGER_TIMEOUT + (problem == null ? "" : "; last error: " + problem) + ". Ledger log: "
                + stack.log(SwitchboardService.LEDGER));
    }

    /** What the test has read from the topics, by request id. */
    private static final class Observed {
        private final Set<String> ids;
        private final Map<String, List<LlmResult>> results = new HashMap<>();
        private final Map<String, RoutePlan> plans = new HashMap<>();
        private final List<String> deadLetters = new ArrayList<>();

        Observed(Set<String> ids) {
            this.ids = ids;
        }

        boolean allAnswered() {
            return results.keySet().containsAll(ids);
        }

        Set<String> unanswered() {
            return ids.stream().filter(id -> !results.containsKey(id)).collect(Collectors.toCollection(TreeSet::new));
        }

        void readUntil(TopicTail tail, Predicate<Observed> done, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(this) && System.nanoTime() < deadline) {
                tail.poll(Duration.ofMillis(250)).forEach(this::accept);
            }
        }

        void readFor(TopicTail tail, Duration duration) {
            readUntil(tail, o -> false, duration);
        }

        Map<String, BigDecimal> costPerTenant() {
            return results.values().stream().flatMap(List::stream)
                    .collect(Collectors.groupingBy(LlmResult::tenant, TreeMap::new,
                            Collectors.reducing(BigDecimal.ZERO, LlmResult::costUsd, BigDecimal::add)));
        }

        private void accept(ConsumerRecord<String, String> record) {
            if (record.topic().equals(Topics.RESULTS)) {
                LlmResult result = Json.read(record.value(), LlmResult.class);
                if (ids.contains(result.id())) {
                    results.computeIfAbsent(result.id(), id -> new ArrayList<>()).add(result);
                }
            } else if (record.topic().equals(Topics.DLQ)) {
                deadLetters.add(record.value());
            } else if (record.topic().equals(Topics.REQUESTS_ROUTED)) {
                RoutedRequest routed = Json.read(record.value(), RoutedRequest.class);
                if (routed.request() != null && ids.contains(routed.request().id())) {
                    plans.put(routed.request().id(), routed.plan());
                }
            }
        }
    }
}
