package dev.switchboard.bench.stack;

import java.nio.file.Path;

/** The five Switchboard services the local stack runs, each a packaged Quarkus application of its module. */
public enum SwitchboardService {
    CLASSIFIER("classifier-service"),
    ROUTER("router-service"),
    EXECUTOR("executor-service"),
    LEDGER("ledger-service"),
    ALERTING("alerting-service");

    private final String module;

    SwitchboardService(String module) {
        this.module = module;
    }

    /** The Maven module, also the service's name in logs and the pid file. */
    public String module() {
        return module;
    }

    /** The runnable jar {@code ./mvnw package} leaves in the module. */
    public Path jar(Path home) {
        return home.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
