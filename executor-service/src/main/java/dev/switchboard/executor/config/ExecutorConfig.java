package dev.switchboard.executor.config;

import dev.switchboard.executor.provider.ProviderKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The executor's settings: which providers serve models, how many calls may run at once, timeouts. */
@ConfigMapping(prefix = "executor")
public interface ExecutorConfig {

    /** {@code simulated}: every model is answered by the simulated provider; {@code live}: by its catalog provider. */
    @WithDefault("simulated")
    ProviderMode providerMode();

    /** The most provider calls in flight at once; no further record is taken while this many are running. */
    @WithDefault("256")
    int maxInFlight();

    /** The simulated provider. */
    Simulated simulated();

    /** HTTP settings shared by the live adapters. */
    Http http();

    /** Live adapters by catalog provider name ({@code openai}, {@code together}, {@code groq}, ...). */
    Map<String, Provider> providers();

    /** Where answers come from. */
    enum ProviderMode {
        SIMULATED, LIVE
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

    /** One live provider. */
    interface Provider {

        /** Which adapter speaks to it: {@code openai} (OpenAI-compatible chat completions) or {@code simulated}. */
        @WithDefault("openai")
        ProviderKind kind();

        /** API base URL, e.g. {@code https://api.openai.com/v1}; required for kind {@code openai}. */
        Optional<String> baseUrl();

        /** API key sent as a bearer token; from the environment, never logged. */
        Optional<String> apiKey();

        /** Time allowed for one call to this provider; defaults to {@code executor.http.request-timeout}. */
        Optional<Duration> requestTimeout();
    }
}
