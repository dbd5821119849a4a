package dev.switchboard.bench.stack;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.Map;

/** One service running as a child JVM, its output in a log file, reachable on a local HTTP port. */
final class ServiceProcess {

    private final SwitchboardService service;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(SwitchboardService service, Process process, int port, Path log) {
        this.service = service;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code java -Xmx256m -jar quarkus-run.jar} with the given environment added to this one's. */
    static ServiceProcess launch(SwitchboardService service, Path jar, int port, Map<String, String> environment,
                                 Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, StackSettings.SERVICE_HEAP, "-jar", jar.toString())
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        try {
            return new ServiceProcess(service, builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.module() + " from " + jar, e);
        }
    }

    SwitchboardService service() {
        return service;
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /**
     * One readiness probe: true when {@code GET /q/health/ready} answers 200.
     *
     * @throws IllegalStateException when the process has exited, with the end of its log
     */
    boolean ready(HttpClient http) {
        if (!process.isAlive()) {
            throw new IllegalStateException(service.module() + " exited with code " + process.exitValue()
                    + " before it was ready. See " + log + firstError().map(e -> "; its first error:\n" + e).orElse("")
                    + "\nand its last lines:\n" + logTail(12));
        }
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the service to stop (SIGTERM: Quarkus shuts down gracefully). */
    void requestStop() {
        process.destroy();
    }

    /** Waits up to {@code timeout} for the exit, then kills it. */
    void awaitStop(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The first line Quarkus logged at level ERROR, if any. */
    Optional<String> firstError() {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(" ERROR ")).findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The last lines of the log, for error messages. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size())));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
