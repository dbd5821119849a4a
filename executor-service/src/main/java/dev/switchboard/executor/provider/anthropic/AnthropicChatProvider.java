package dev.switchboard.executor.provider.anthropic;

import dev.switchboard.executor.provider.http.HttpChatProvider;
import dev.switchboard.executor.provider.http.HttpSettings;

import java.time.Clock;

/** Adapter for Anthropic's Messages API ({@code POST {base-url}/v1/messages}, {@code x-api-key}). */
public final class AnthropicChatProvider extends HttpChatProvider {

    public AnthropicChatProvider(String name, HttpSettings settings, Clock clock) {
        super(name, new AnthropicWire(clock), settings, clock);
    }
}
