package dev.switchboard.executor.provider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider's API keys: one is used until the provider rate-limits or rejects it, then the next one. Sticky
 * rather than round-robin so each key's own rate-limit window fills predictably; never printed.
 */
public final class ApiKeys {

    private static final ApiKeys NONE = new ApiKeys(List.of());

    private final List<String> keys;
    private final AtomicInteger current = new AtomicInteger();

    private ApiKeys(List<String> keys) {
        this.keys = List.copyOf(keys);
    }

    /** A pool without keys, for servers that need none (a local vLLM or Ollama). */
    public static ApiKeys none() {
        return NONE;
    }

    /** The keys in order, blanks and repeats dropped. */
    public static ApiKeys of(Collection<String> keys) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String key : keys) {
            if (key != null && !key.isBlank()) {
                distinct.add(key.strip());
            }
        }
        return distinct.isEmpty() ? NONE : new ApiKeys(new ArrayList<>(distinct));
    }

    /** The configured {@code api-key} first, then the {@code api-keys} list. */
    public static ApiKeys of(Optional<String> key, Optional<List<String>> keys) {
        List<String> all = new ArrayList<>();
        key.ifPresent(all::add);
        keys.ifPresent(all::addAll);
        return of(all);
    }

    /** The key to send now, or {@code null} when the pool is empty. */
    public String current() {
        return keys.isEmpty() ? null : keys.get(Math.floorMod(current.get(), keys.size()));
    }

    /**
     * Moves on from {@code key} after the provider refused it. Calls that fail on the same key at once move the
     * pool one step only, so a burst of 429s does not skip the next keys.
     */
    public void rotateFrom(String key) {
        if (keys.size() < 2 || key == null) {
            return;
        }
        int index = current.get();
        if (key.equals(keys.get(Math.floorMod(index, keys.size())))) {
            current.compareAndSet(index, Math.floorMod(index + 1, keys.size()));
        }
    }

    public int size() {
        return keys.size();
    }

    /** The text with every key of the pool, and anything shaped like a key, replaced by {@code [redacted]}. */
    public String scrub(String text) {
        return ProviderErrors.scrub(text, keys);
    }

    @Override
    public String toString() {
        return keys.size() == 1 ? "1 key" : keys.size() + " keys";
    }
}
