package dev.switchboard.executor.provider;

import java.util.concurrent.CompletionStage;

/**
 * One way of getting a chat completion (an HTTP API, a simulation); adapters never block the caller's thread.
 *
 * <p>Provider failures (HTTP errors, timeouts) complete the stage normally with a failed {@link ProviderReply}; an
 * exceptional completion means a bug and is reported as {@code provider_error} by the caller.
 */
public interface ChatProvider extends AutoCloseable {

    /** The name results and usage events carry: the configured provider name, or {@code simulated}. */
    String name();

    /** Calls the model; the stage completes when the reply (or the failure) is in. */
    CompletionStage<ProviderReply> complete(ProviderCall call);

    /** Releases threads or connections; the default holds none. */
    @Override
    default void close() {
    }
}
