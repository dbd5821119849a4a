package dev.switchboard.bench.demo;

import dev.switchboard.core.Topics;
import dev.switchboard.core.event.Headers;
import dev.switchboard.core.event.LlmRequest;
import dev.switchboard.core.json.Json;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Produces requests to {@code llm.requests} as any user would: a plain producer, the request id as key. */
public final class RequestSender {

    private RequestSender() {
    }

    /** Sends every request (stamped with the send time) and returns once the broker has acknowledged all. */
    public static void sendAll(String bootstrapServers, List<LlmRequest> requests) {
        try (KafkaProducer<String, String> producer = producer(bootstrapServers)) {
            List<Future<?>> acks = requests.stream()
                    .map(r -> Workload.sentAt(r, Instant.now()))
                    .<Future<?>>map(r -> producer.send(record(r)))
                    .toList();
            producer.flush();
            for (Future<?> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send to " + Topics.REQUESTS + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending requests", e);
        }
    }

    public static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "5"),
                new StringSerializer(), new StringSerializer());
    }

    /** The record for one request, with the event headers the services expect. */
    public static ProducerRecord<String, String> record(LlmRequest request) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.REQUESTS, request.id(), Json.write(request));
        record.headers().add(Headers.EVENT_ID, bytes(request.id() + ":" + request.attemptOrFirst()));
        record.headers().add(Headers.EVENT_TYPE, bytes(LlmRequest.class.getSimpleName()));
        record.headers().add(Headers.SCHEMA_VERSION, bytes(String.valueOf(LlmRequest.SCHEMA_VERSION)));
        return record;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
