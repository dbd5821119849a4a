package dev.switchboard.bench.load;

import dev.switchboard.core.event.CascadeStep;
import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatRequest;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.event.RoutePlan;
import dev.switchboard.core.event.RoutedRequest;
import dev.switchboard.core.json.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's workload: routed requests for one cheap model, and the executor environment that serves them. */
final class RoutedRequests {

    private static final String[] PROMPTS = {
        "Summarise the attached meeting notes in three bullet points",
        "Translate 'the invoice is overdue' into French and German",
        "Write a SQL query that counts orders per customer per month",
        "Explain the difference between a process and a thread",
        "Draft a polite reply declining a meeting invitation",
    };

    private RoutedRequests() {
    }

    /** Produces {@code count} routed requests with ids {@code prefix0..}, waiting until the broker has them all. */
    static void produce(String bootstrapServers, String topic, String prefix, int count) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, "5",
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                String id = prefix + i;
                producer.send(new ProducerRecord<>(topic, id, Json.write(routed(id, i))));
            }
            producer.flush();
        }
    }

    /**
     * An executor on the simulated provider with a fixed latency, reading {@code topic} as consumer group
     * {@code group}, with at most {@code maxInFlight} calls at once.
     */
    static Map<String, String> executorEnvironment(String bootstrapServers, long latencyMs, int maxInFlight,
                                                   String topic, String group) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("EXECUTOR_PROVIDER_MODE", "simulated");
        env.put("EXECUTOR_SIMULATED_LATENCY_MS", String.valueOf(latencyMs));
        env.put("EXECUTOR_SIMULATED_JITTER_MS", "0");
        env.put("EXECUTOR_MAX_IN_FLIGHT", String.valueOf(maxInFlight));
        env.put("MP_MESSAGING_INCOMING_ROUTED_TOPIC", topic);
        env.put("MP_MESSAGING_INCOMING_ROUTED_GROUP_ID", group);
        return env;
    }

    private static RoutedRequest routed(String id, int i) {
        String prompt = PROMPTS[i % PROMPTS.length] + " (request " + i + ")";
        LlmRequest request = new LlmRequest(LlmRequest.SCHEMA_VERSION, id, 1, "bench", "load", "user-" + (i % 50),
                "executor-bench", Map.of(), new ChatRequest(List.of(ChatMessage.of("user", prompt)), 64, null, null,
                null), null, Instant.now());
        RoutePlan plan = new RoutePlan("gpt-4.1-mini", List.of(new CascadeStep("gpt-4.1-mini", "openai", null)),
                List.of(), null, null, null, null, "executor load benchmark");
        return new RoutedRequest(RoutedRequest.SCHEMA_VERSION, request, null, plan);
    }
}
