package dev.switchboard.bench.load;

import dev.switchboard.core.Topics;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.UsageEvent;
import dev.switchboard.core.json.Json;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches {@code llm.results} and {@code llm.usage} from their current end, as an observer (no group), for the
 * requests of one benchmark level (ids starting with a prefix): when each result was written, its call latency,
 * and the usage events.
 */
final class ResultWatch implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final String prefix;
    private final List<Long> completedAt = new ArrayList<>();
    private final List<Long> callLatencies = new ArrayList<>();
    private final Set<String> answered = new HashSet<>();
    private final Set<String> usageIds = new HashSet<>();
    private int usageEvents;

    ResultWatch(String bootstrapServers, String prefix) {
        this.prefix = prefix;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.RESULTS, Topics.USAGE)) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // position() resolves the lazy seek now, before anything of this level is produced
        partitions.forEach(consumer::position);
    }

    /** Reads what arrived within {@code timeout}. */
    void poll(Duration timeout) {
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            if (record.topic().equals(Topics.RESULTS)) {
                onResult(record);
            } else {
                onUsage(record);
            }
        }
    }

    private void onResult(ConsumerRecord<String, String> record) {
        if (record.key() == null || !record.key().startsWith(prefix)) {
            return;
        }
        completedAt.add(record.timestamp());
        answered.add(record.key());
        Long latency = Json.read(record.value(), LlmResult.class).latencyMs();
        if (latency != null) {
            callLatencies.add(latency);
        }
    }

    private void onUsage(ConsumerRecord<String, String> record) {
        // usage is keyed by tenant: the request id is in the payload
        if (record.value() != null && record.value().contains(prefix)) {
            UsageEvent event = Json.read(record.value(), UsageEvent.class);
            if (event.requestId() != null && event.requestId().startsWith(prefix)) {
                usageEvents++;
                usageIds.add(event.eventId());
            }
        }
    }

    /** Distinct requests answered so far. */
    int answered() {
        return answered.size();
    }

    /** When each result was written (record timestamps, epoch ms), duplicates included. */
    List<Long> completedAt() {
        return completedAt;
    }

    List<Long> callLatencies() {
        return callLatencies;
    }

    /** Usage events seen, redeliveries included. */
    int usageEvents() {
        return usageEvents;
    }

    /** Distinct usage event ids: what an idempotent ledger counts. */
    int distinctUsageEvents() {
        return usageIds.size();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
