package dev.switchboard.executor.provider.gemini;

import dev.switchboard.executor.provider.http.HttpChatProvider;
import dev.switchboard.executor.provider.http.HttpSettings;

import java.time.Clock;

/** Adapter for Gemini ({@code POST {base-url}/v1beta/models/{model}:generateContent}, {@code x-goog-api-key}). */
public final class GeminiChatProvider extends HttpChatProvider {

    public GeminiChatProvider(String name, HttpSettings settings, Clock clock) {
        super(name, new GeminiWire(clock), settings, clock);
    }
}
