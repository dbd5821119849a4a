package dev.switchboard.bench.demo;

import dev.switchboard.core.Topics;
import dev.switchboard.core.event.Alert;
import dev.switchboard.core.event.LlmResult;
import dev.switchboard.core.event.ResultStatus;
import dev.switchboard.core.json.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Gathers the sent requests' results and the alerts from {@code llm.results} and {@code llm.alerts}. */
final class ResultCollector {

    private final Set<String> expected;
    private final Set<String> answered = new LinkedHashSet<>();
    private final List<LlmResult> results = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();
    private int unreadable;

    ResultCollector(Collection<String> expectedIds) {
        this.expected = new LinkedHashSet<>(expectedIds);
    }

    void accept(ConsumerRecord<String, String> record) {
        try {
            if (record.topic().equals(Topics.RESULTS)) {
                LlmResult result = Json.read(record.value(), LlmResult.class);
                results.add(result);
                if (expected.contains(result.id())) {
                    answered.add(result.id());
                }
            } else if (record.topic().equals(Topics.ALERTS)) {
                alerts.add(Json.read(record.value(), Alert.class));
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            unreadable++;
        }
    }

    /** Sent requests with at least one result. */
    int answered() {
        return answered.size();
    }

    int expected() {
        return expected.size();
    }

    boolean complete() {
        return answered.size() == expected.size();
    }

    long count(ResultStatus status) {
        return results.stream().filter(r -> expected.contains(r.id()) && r.status() == status).count();
    }

    List<String> missing() {
        return expected.stream().filter(id -> !answered.contains(id)).toList();
    }

    List<LlmResult> results() {
        return List.copyOf(results);
    }

    List<Alert> alerts() {
        return List.copyOf(alerts);
    }

    /** Records that were not valid results or alerts. */
    int unreadable() {
        return unreadable;
    }
}
