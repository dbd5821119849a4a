package dev.switchboard.executor.resilience;

import dev.switchboard.core.resilience.Backoff;
import dev.switchboard.executor.config.ExecutorConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code executor.resilience.*} read through the real config mapping, quoted provider/model keys included. */
class ResiliencePolicyTest {

    @Test
    void defaultsRetryTwiceWithFullJitterAndLimitNothing() {
        ResiliencePolicy policy = policy(Map.of());

        assertThat(policy.maxRetries()).isEqualTo(2);
        assertThat(policy.backoff()).isEqualTo(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(20),
                Backoff.Jitter.FULL));
        assertThat(policy.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.breaker().failureThreshold()).isEqualTo(5);
        assertThat(policy.breaker().coolDown()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.rateLimits()).isEmpty();
    }

    @Test
    void readsRateLimitsKeyedByProviderAndModel() {
        ResiliencePolicy policy = policy(Map.of(
                "executor.resilience.max-retries", "4",
                "executor.resilience.jitter", "equal",
                "executor.resilience.rate-limits.\"openai/gpt-4.1-mini\".rpm", "500",
                "executor.resilience.rate-limits.\"openai/gpt-4.1-mini\".tpm", "200000",
                "executor.resilience.rate-limits.\"groq/llama-3.3-70b\".tpm", "6000"));

        assertThat(policy.maxRetries()).isEqualTo(4);
        assertThat(policy.backoff().jitter()).isEqualTo(Backoff.Jitter.EQUAL);
        assertThat(policy.rateLimits()).containsOnly(
                Map.entry("openai/gpt-4.1-mini", new ResiliencePolicy.Quota(OptionalLong.of(500),
                        OptionalLong.of(200_000))),
                Map.entry("groq/llama-3.3-70b", new ResiliencePolicy.Quota(OptionalLong.empty(),
                        OptionalLong.of(6_000))));
    }

    private static ResiliencePolicy policy(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ExecutorConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // Quarkus' "500ms", "30s" form
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return ResiliencePolicy.from(config.getConfigMapping(ExecutorConfig.class).resilience());
    }
}
