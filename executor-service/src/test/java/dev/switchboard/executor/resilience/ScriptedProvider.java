package dev.switchboard.executor.resilience;

import dev.switchboard.core.event.ChatMessage;
import dev.switchboard.core.event.ChatResponse;
import dev.switchboard.core.event.ErrorInfo;
import dev.switchboard.core.event.TokenUsage;
import dev.switchboard.executor.provider.ChatProvider;
import dev.switchboard.executor.provider.ProviderCall;
import dev.switchboard.executor.provider.ProviderReply;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A fake adapter that answers each call with the next scripted reply (the last one repeats), and remembers when
 * each call came in on the test's clock.
 */
public final class ScriptedProvider implements ChatProvider {

    private final String name;
    private final DelayScheduler clock;
    private final Deque<Supplier<CompletableFuture<ProviderReply>>> script = new ArrayDeque<>();
    private Supplier<CompletableFuture<ProviderReply>> last;
    private final List<ProviderCall> calls = new ArrayList<>();
    private final List<Long> callTimes = new ArrayList<>();
    private final List<CompletableFuture<ProviderReply>> pending = new ArrayList<>();

    public ScriptedProvider(String name, DelayScheduler clock) {
        this.name = name;
        this.clock = clock;
    }

    /** Then answer with {@code reply}. */
    public ScriptedProvider then(ProviderReply reply) {
        return enqueue(() -> CompletableFuture.completedFuture(reply));
    }

    /** Then never answer (until the caller cancels the call). */
    public ScriptedProvider thenHang() {
        return enqueue(() -> {
            CompletableFuture<ProviderReply> hanging = new CompletableFuture<>();
            pending.add(hanging);
            return hanging;
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized CompletionStage<ProviderReply> complete(ProviderCall call) {
        calls.add(call);
        callTimes.add(clock.nanoTime());
        Supplier<CompletableFuture<ProviderReply>> next = script.isEmpty() ? last : script.poll();
        if (next == null) {
            throw new IllegalStateException(name + ": no reply scripted");
        }
        return next.get();
    }

    public synchronized int callCount() {
        return calls.size();
    }

    public synchronized List<Long> callTimes() {
        return List.copyOf(callTimes);
    }

    public synchronized List<CompletableFuture<ProviderReply>> hanging() {
        return List.copyOf(pending);
    }

    private synchronized ScriptedProvider enqueue(Supplier<CompletableFuture<ProviderReply>> reply) {
        script.add(reply);
        last = reply;
        return this;
    }

    /** An OpenAI-style answer with the given text and tokens. */
    public static ProviderReply answer(String text, long input, long output) {
        ChatResponse response = new ChatResponse("resp-1", "chat.completion", 0L, "m",
                List.of(new ChatResponse.Choice(0, ChatMessage.of("assistant", text), "stop")),
                new ChatResponse.Usage(input, output, input + output, null));
        return ProviderReply.ok(response, new TokenUsage(input, 0, output));
    }

    public static ProviderReply failure(String code, String message, int status) {
        return ProviderReply.failed(code, message, status);
    }

    public static ProviderReply rateLimited(Duration retryAfter) {
        return ProviderReply.failed("rate_limited", "Rate limit reached for requests", 429, retryAfter);
    }

    /** A failure the provider still billed (it read the prompt before failing). */
    public static ProviderReply billedFailure(String code, long inputTokens) {
        return new ProviderReply(null, new TokenUsage(inputTokens, 0, 0), new ErrorInfo(code, "upstream failed"),
                502, null);
    }
}
