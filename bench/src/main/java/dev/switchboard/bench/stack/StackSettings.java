package dev.switchboard.bench.stack;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run the local stack.
 *
 * @param home                     the project root, holding each service module's {@code target/quarkus-app}
 * @param stateDir                 where logs and the pid file go ({@code .switchboard} for the demo)
 * @param simulatedLatencyMs       how long the executor's {@code simulated} provider takes per call (plus a
 *                                 repeatable jitter of up to half as much)
 * @param costPerHourThresholdUsd  the alerting service's spend-rate threshold
 * @param readyTimeout             how long all services together may take to become ready
 * @param serviceEnvironment       further environment variables for every service (overrides the defaults)
 * @param replay                   recorded answers for the executor and the catalog of their models; null for the
 *                                 simulated provider and the built-in catalog
 */
public record StackSettings(Path home, Path stateDir, int simulatedLatencyMs, BigDecimal costPerHourThresholdUsd,
                            Duration readyTimeout, Map<String, String> serviceEnvironment, Replay replay) {

    /**
     * The executor in {@code replay} mode.
     *
     * @param catalogFile the catalog every service routes and prices with ({@code SWITCHBOARD_CATALOG_PATH})
     * @param data        the benchmark files whose recorded answers the executor serves
     *                    ({@code EXECUTOR_REPLAY_DATA}); its latency per call is {@code simulatedLatencyMs}
     */
    public record Replay(Path catalogFile, List<Path> data) {
        public Replay {
            catalogFile = catalogFile.toAbsolutePath().normalize();
            data = data.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        }
    }

    /** Settings with the simulated provider and the built-in catalog. */
    public StackSettings(Path home, Path stateDir, int simulatedLatencyMs, BigDecimal costPerHourThresholdUsd,
                         Duration readyTimeout, Map<String, String> serviceEnvironment) {
        this(home, stateDir, simulatedLatencyMs, costPerHourThresholdUsd, readyTimeout, serviceEnvironment, null);
    }

    /** Children's heap: five services and a broker share a developer laptop. */
    public static final String SERVICE_HEAP = "-Xmx256m";

    public StackSettings {
        home = home.toAbsolutePath().normalize();
        stateDir = stateDir.toAbsolutePath().normalize();
        serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    /**
     * The demo's settings: visible latency, and a spend threshold per tenant and hour that the demo's busier
     * tenants cross (about 0.02 USD each with simulated answers), so the alerting path shows.
     */
    public static StackSettings demo(Path home, Path stateDir) {
        return new StackSettings(home, stateDir, 400, new BigDecimal("0.01"), Duration.ofMinutes(3), Map.of());
    }

    public StackSettings withSimulatedLatencyMs(int latencyMs) {
        return new StackSettings(home, stateDir, latencyMs, costPerHourThresholdUsd, readyTimeout, serviceEnvironment,
                replay);
    }

    public StackSettings withServiceEnvironment(Map<String, String> environment) {
        return new StackSettings(home, stateDir, simulatedLatencyMs, costPerHourThresholdUsd, readyTimeout, environment,
                replay);
    }

    /** These settings with the executor replaying recorded answers, every service on their models' catalog. */
    public StackSettings withReplay(Replay recorded) {
        return new StackSettings(home, stateDir, simulatedLatencyMs, costPerHourThresholdUsd, readyTimeout,
                serviceEnvironment, recorded);
    }

    public Path logDir() {
        return stateDir.resolve("logs");
    }

    public Path pidFile() {
        return stateDir.resolve("pids");
    }

    /**
     * The project root: {@code -Dswitchboard.home}, else the first of the working directory and its parents that
     * holds the service modules.
     */
    public static Path findHome() {
        String configured = System.getProperty("switchboard.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve(SwitchboardService.LEDGER.module()))
                    && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        }
        return dir;
    }
}
