package dev.switchboard.executor.resilience;

import dev.switchboard.core.catalog.ModelSpec;
import dev.switchboard.executor.provider.ProviderCall;

/**
 * One model being tried for one request: the call to repeat, the deadline, where calls are logged.
 *
 * @param estimatedTokens what each call reserves against the model's TPM limit (0 when it has none)
 */
record ModelRun(Target target, ProviderCall call, Deadline deadline, CallLog log, long estimatedTokens) {

    String key() {
        return target.key();
    }

    String provider() {
        return target.provider().name();
    }

    ModelSpec model() {
        return target.model();
    }
}
