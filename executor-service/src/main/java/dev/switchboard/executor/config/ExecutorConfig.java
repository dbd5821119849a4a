package dev.switchboard.executor.config;

import dev.switchboard.core.resilience.Backoff;
import dev.switchboard.executor.provider.ProviderKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The executor's settings: which providers serve models, how many calls may run at once, timeouts. */
@ConfigMapping(prefix = "executor")
public interface ExecutorConfig {

    /**
     * {@code simulated}: every model is answered by the simulated provider; {@code live}: by its catalog provider;
     * {@code replay}: by the recorded answers of {@code executor.replay.data}.
     */
    @WithDefault("simulated")
    ProviderMode providerMode();

    /** The most provider calls in flight at once; no further record is taken while this many are running. */
    @WithDefault("256")
    int maxInFlight();

    /** Graceful shutdown of the consumer. */
    Shutdown shutdown();

    /** The simulated provider. */
    Simulated simulated();

    /** The replay provider (recorded benchmark answers). */
    Replay replay();

    /** HTTP settings shared by the live adapters. */
    Http http();

    /** Live adapters by catalog provider name ({@code openai}, {@code together}, {@code groq}, ...). */
    Map<String, Provider> providers();

    /** Retries, fallbacks, circuit breakers and rate limits around every provider call. */
    Resilience resilience();

    /** Where answers come from. */
    enum ProviderMode {
        SIMULATED, LIVE, REPLAY
    }

    /** Settings of the replay provider. */
    interface Replay {

        /** Benchmark JSONL files (comma-separated) whose recorded answers are served; required in replay mode. */
        Optional<List<String>> data();

        /** Delay of every replayed reply, in milliseconds (served by a timer, never by blocking). */
        @WithDefault("0")
        long latencyMs();
    }

    /** Settings of the simulated provider. */
    interface Simulated {

        /** Base delay of every simulated reply, in milliseconds. */
        @WithDefault("300")
        long latencyMs();

        /** Extra delay of up to this many milliseconds, derived from the prompt so it is repeatable. */
        @WithDefault("0")
        long jitterMs();
    }

    /** HTTP client settings. */
    interface Http {

        /** Time allowed to open a connection to a provider. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Time allowed for one whole provider call, unless the provider sets its own. */
        @WithDefault("120s")
        Duration requestTimeout();
    }

    /** One live provider: which wire format it speaks, where it is, and the keys it takes. */
    interface Provider {

        /** Wire format: {@code openai} (chat completions, any compatible server), {@code anthropic}, {@code gemini}. */
        @WithDefault("openai")
        ProviderKind kind();

        /** API base URL, e.g. {@code https://api.openai.com/v1}; required for every kind but {@code simulated}. */
        Optional<String> baseUrl();

        /** Path under the base URL, {@code {model}} = the provider's model name; defaults to the kind's own. */
        Optional<String> path();

        /** One API key, from the environment; never logged, never in a result or an error message. */
        Optional<String> apiKey();

        /** Several API keys (comma-separated, e.g. env {@code OPENAI_API_KEYS}); the next is used after a 429. */
        Optional<List<String>> apiKeys();

        /** Header carrying the key ({@code Authorization} gets Bearer); defaults to the kind's own; Azure: api-key. */
        Optional<String> authHeader();

        /** Extra headers of every call, e.g. {@code headers.HTTP-Referer} for OpenRouter. */
        Map<String, String> headers();

        /** Query parameters of every call, e.g. {@code query.api-version} for Azure OpenAI. */
        Map<String, String> query();

        /** Time allowed for one call to this provider; defaults to {@code executor.http.request-timeout}. */
        Optional<Duration> requestTimeout();
    }

    /** How the executor stops: requests in flight finish, or are handed back unacknowledged. */
    interface Shutdown {

        /** How long a stopping executor waits for its requests in flight to publish and ack before it lets go. */
        @WithDefault("30s")
        Duration drainTimeout();
    }

    /** How provider calls are retried, paced and cut off when a provider misbehaves. */
    interface Resilience {

        /** Retries of one model after a retryable failure (rate limited, overloaded, 5xx, timeout, I/O). */
        @WithDefault("2")
        int maxRetries();

        /** Backoff before the first retry; it doubles per retry, up to {@code max-delay}. */
        @WithDefault("500ms")
        Duration baseDelay();

        /** The longest backoff; a provider's longer {@code Retry-After} is still honoured. */
        @WithDefault("20s")
        Duration maxDelay();

        /** How backoff delays are randomised: {@code full}, {@code equal} or {@code none}. */
        @WithDefault("full")
        Backoff.Jitter jitter();

        /** The longest {@code Retry-After} worth waiting for; a longer one sends the request to its fallbacks. */
        @WithDefault("60s")
        Duration maxRetryAfter();

        /** The circuit breaker each provider model has. */
        CircuitBreaker circuitBreaker();

        /** Limits by {@code "<provider>/<model>"} (quote the key); a model without an entry is not limited. */
        Map<String, RateLimit> rateLimits();

        /** When a provider model's circuit opens and for how long. */
        interface CircuitBreaker {

            /** Consecutive failures that open the circuit. */
            @WithDefault("5")
            int failureThreshold();

            /** Failure share over the window, in (0, 1], that opens the circuit. */
            @WithDefault("0.5")
            double failureRate();

            /** Calls the window must hold before the failure rate counts. */
            @WithDefault("20")
            int minimumCalls();

            /** How far back the failure rate looks. */
            @WithDefault("60s")
            Duration window();

            /** How long an open circuit refuses calls before one probe call may test the model. */
            @WithDefault("30s")
            Duration coolDown();
        }

        /** A provider model's limits; calls over them wait, they do not fail. */
        interface RateLimit {

            /** Requests per minute. */
            OptionalLong rpm();

            /** Tokens per minute (prompt tokens plus {@code max_tokens} are reserved per call). */
            OptionalLong tpm();
        }
    }
}
