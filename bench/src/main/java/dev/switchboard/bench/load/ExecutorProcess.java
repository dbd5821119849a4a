package dev.switchboard.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One packaged executor as a child JVM on a loopback port: started, probed, scraped and stopped with SIGTERM. */
final class ExecutorProcess implements AutoCloseable {

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(300);

    private final Process process;
    private final URI base;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ExecutorProcess(Process process, int port, Path log) {
        this.process = process;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.log = log;
    }

    /** Starts {@code java <heap> -jar quarkus-run.jar} with {@code environment} added to this JVM's. */
    static ExecutorProcess launch(Path jar, String heap, int port, Map<String, String> environment, Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, heap, "-jar", jar.toString()))
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        try {
            return new ExecutorProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the executor from " + jar, e);
        }
    }

    /** Returns once {@code /q/health/ready} answers 200; fails with the log's tail if the process dies or is late. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the executor exited with code " + process.exitValue()
                        + " before it was ready; see " + log + ":\n" + logTail());
            }
            if (get("/q/health/ready").map(response -> response.statusCode() == 200).orElse(false)) {
                return;
            }
            Thread.sleep(PROBE_INTERVAL.toMillis());
        }
        throw new IllegalStateException("the executor was not ready within " + timeout.toSeconds() + " s; see " + log
                + ":\n" + logTail());
    }

    /** The Prometheus text of {@code /q/metrics}, or empty text when the scrape failed. */
    String metrics() {
        return get("/q/metrics").filter(r -> r.statusCode() == 200).map(HttpResponse::body).orElse("");
    }

    /**
     * SIGTERM, then waits up to {@code grace} for the exit (Quarkus shuts down gracefully), else kills it.
     *
     * @return how long the process took to exit
     */
    Duration stop(Duration grace) throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGKILL: a crash, nothing drains or commits. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private Optional<HttpResponse<String>> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ")";
        }
    }
}
