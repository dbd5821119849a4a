package dev.switchboard.executor.messaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test resource: an OpenAI-compatible chat-completions server that answers at once, except prompts containing
 * {@link #HOLD}, which it holds until the test calls {@link #release()}; it counts calls and peak concurrency.
 */
public class HeldProviderResource implements QuarkusTestResourceLifecycleManager {

    /** Put this in a prompt to have its call held. */
    public static final String HOLD = "[hold]";

    private static final String ANSWER = """
            {"id":"chatcmpl-held","object":"chat.completion","created":1700000000,"model":"gpt-4.1-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Done."},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":12,"completion_tokens":2,"total_tokens":14,
                      "prompt_tokens_details":{"cached_tokens":0}}}""";

    private static final AtomicInteger RECEIVED = new AtomicInteger();
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final AtomicInteger PEAK = new AtomicInteger();
    private static volatile CountDownLatch gate = new CountDownLatch(1);

    private HttpServer server;
    private ExecutorService threads;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", HeldProviderResource::answer);
        server.start();
        return Map.of("executor.provider-mode", "live",
                "executor.providers.openai.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    @Override
    public void stop() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }

    /** Calls received since the last {@link #reset()}. */
    public static int received() {
        return RECEIVED.get();
    }

    /** The most calls this server was answering at once since the last {@link #reset()}. */
    public static int peak() {
        return PEAK.get();
    }

    /** Answers every held call. */
    public static void release() {
        gate.countDown();
    }

    /** Releases what is held, then starts holding again with the counts at zero. */
    public static void reset() {
        CountDownLatch previous = gate;
        gate = new CountDownLatch(1);
        previous.countDown();
        RECEIVED.set(0);
        PEAK.set(0);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.incrementAndGet();
        PEAK.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
        try {
            if (body.contains(HOLD)) {
                gate.await(60, TimeUnit.SECONDS);
            }
            byte[] bytes = ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
        } finally {
            RUNNING.decrementAndGet();
            exchange.close();
        }
    }
}
