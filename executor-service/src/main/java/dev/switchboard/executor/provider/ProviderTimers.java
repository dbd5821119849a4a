package dev.switchboard.executor.provider;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The one-thread timer a local provider (simulated, replay) answers on, so no caller thread ever waits. */
public final class ProviderTimers {

    private ProviderTimers() {
    }

    /** A daemon single-thread scheduler named after the provider; daemon so a forgotten close never blocks exit. */
    public static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
