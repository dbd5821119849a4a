package dev.switchboard.bench.stack;

import dev.switchboard.core.Topics;
import dev.switchboard.testsupport.KafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Switchboard on one machine: an in-JVM KRaft broker, the ledger's database and the five services as children. */
public final class LocalStack implements AutoCloseable {

    // Everything started here stops on close() or, if the JVM exits first, in the shutdown hook.

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

    private final StackSettings settings;
    private final LedgerDatabase database;
    private final Consumer<String> progress;
    private final PidFile pids;
    private final Map<SwitchboardService, ServiceProcess> services = new EnumMap<>(SwitchboardService.class);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::stopEverything, "switchboard-stack-stop");
    private KafkaBroker broker;

    private LocalStack(StackSettings settings, LedgerDatabase database, Consumer<String> progress) {
        this.settings = settings;
        this.database = database;
        this.progress = progress;
        this.pids = new PidFile(settings.pidFile());
    }

    /**
     * Starts the broker and the five services against {@code database} (which the stack now owns) and returns once
     * every service reports ready; on failure stops what it started and says which service failed and where its
     * log is.
     */
    public static LocalStack start(StackSettings settings, LedgerDatabase database, Consumer<String> progress) {
        LocalStack stack = new LocalStack(settings, database, progress);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** The services whose packaged jar is missing under {@code home}. */
    public static List<SwitchboardService> missingJars(Path home) {
        return java.util.Arrays.stream(SwitchboardService.values())
                .filter(s -> !Files.isRegularFile(s.jar(home))).toList();
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public URI baseUri(SwitchboardService service) {
        return URI.create("http://127.0.0.1:" + services.get(service).port());
    }

    public Path log(SwitchboardService service) {
        return services.get(service).log();
    }

    public LedgerDatabase database() {
        return database;
    }

    public StackSettings settings() {
        return settings;
    }

    private void startAll() {
        List<SwitchboardService> missing = missingJars(settings.home());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Not built: " + missing.stream().map(s -> s.jar(settings.home()).toString())
                    .collect(Collectors.joining(", ")) + ". Run the full build first: ./mvnw -DskipTests package");
        }
        try {
            Files.createDirectories(settings.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + settings.logDir(), e);
        }
        pids.delete();
        pids.record(ProcessHandle.current().pid(), "launcher");
        database.serverPid().ifPresent(pid -> pids.record(pid, "postgres"));

        progress.accept("Kafka: starting a KRaft broker in this JVM");
        broker = KafkaBroker.startEmbedded(KafkaBroker.freePort());
        broker.createTopics(Topics.ALL, Set.of(Topics.BUDGET_STATE));
        progress.accept("Kafka: " + broker.bootstrapServers() + ", topics " + String.join(", ", Topics.ALL));
        progress.accept("Ledger database: " + database.description());

        for (SwitchboardService service : SwitchboardService.values()) {
            int port = KafkaBroker.freePort();
            Path log = settings.logDir().resolve(service.module() + ".log");
            ServiceProcess process = ServiceProcess.launch(service, service.jar(settings.home()), port,
                    environment(service, port), log);
            services.put(service, process);
            pids.record(process.pid(), service.module());
        }
        awaitReady();
    }

    /** What each service is told through its environment (Quarkus maps {@code a.b-c} to {@code A_B_C}). */
    Map<String, String> environment(SwitchboardService service, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        if (settings.replay() != null) {
            env.put("SWITCHBOARD_CATALOG_PATH", settings.replay().catalogFile().toString());
        }
        switch (service) {
            case LEDGER -> {
                env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
                env.put("QUARKUS_DATASOURCE_USERNAME", database.username());
                env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
            }
            case EXECUTOR -> executorEnvironment(env);
            case ALERTING -> env.put("ALERTING_COST_PER_HOUR_THRESHOLD_USD",
                    settings.costPerHourThresholdUsd().toPlainString());
            default -> {
            }
        }
        env.putAll(settings.serviceEnvironment());
        return env;
    }

    /** Simulated answers, or recorded ones when the settings name benchmark files. */
    private void executorEnvironment(Map<String, String> env) {
        if (settings.replay() != null) {
            env.put("EXECUTOR_PROVIDER_MODE", "replay");
            env.put("EXECUTOR_REPLAY_DATA", settings.replay().data().stream().map(Path::toString)
                    .collect(Collectors.joining(",")));
            env.put("EXECUTOR_REPLAY_LATENCY_MS", String.valueOf(settings.simulatedLatencyMs()));
            return;
        }
        env.put("EXECUTOR_PROVIDER_MODE", "simulated");
        env.put("EXECUTOR_SIMULATED_LATENCY_MS", String.valueOf(settings.simulatedLatencyMs()));
        // up to half as much again, derived from the prompt, so latency percentiles have a spread
        env.put("EXECUTOR_SIMULATED_JITTER_MS", String.valueOf(settings.simulatedLatencyMs() / 2));
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long started = System.nanoTime();
        long deadline = started + settings.readyTimeout().toNanos();
        Set<ServiceProcess> pending = new LinkedHashSet<>(services.values());
        progress.accept("Services: starting " + pending.size() + " (logs in " + settings.logDir() + ")");
        while (!pending.isEmpty()) {
            for (ServiceProcess service : new ArrayList<>(pending)) {
                if (service.ready(http)) {
                    pending.remove(service);
                    progress.accept(String.format("  %-18s ready on :%d after %.1f s", service.service().module(),
                            service.port(), (System.nanoTime() - started) / 1e9));
                }
            }
            if (!pending.isEmpty() && System.nanoTime() > deadline) {
                throw new IllegalStateException(notReadyMessage(pending));
            }
            sleep(PROBE_INTERVAL);
        }
    }

    private String notReadyMessage(Set<ServiceProcess> pending) {
        StringBuilder message = new StringBuilder();
        for (ServiceProcess service : pending) {
            message.append(service.service().module()).append(" did not answer GET /q/health/ready with 200 within ")
                    .append(settings.readyTimeout().toSeconds()).append(" s. See ").append(service.log())
                    .append(service.firstError().map(e -> "; its first error:\n" + e).orElse(""))
                    .append("\nand its last lines:\n").append(service.logTail(12)).append('\n');
        }
        return message.toString();
    }

    @Override
    public void close() {
        stopEverything();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to; stopEverything runs once either way
        }
    }

    private void stopEverything() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        services.values().forEach(ServiceProcess::requestStop);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ServiceProcess service : services.values()) {
            service.awaitStop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        if (broker != null) {
            quietly("stop the Kafka broker", broker::close);
        }
        quietly("stop the ledger database", database::close);
        quietly("delete " + pids.path(), pids::delete);
    }

    /** Shutdown goes on past a step that fails, so one stuck part does not leave the others running. */
    private static void quietly(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            System.err.println("switchboard: cannot " + what + ": " + e.getMessage());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the services", e);
        }
    }
}
