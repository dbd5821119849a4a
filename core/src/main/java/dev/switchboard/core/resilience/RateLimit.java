package dev.switchboard.core.resilience;

import java.util.OptionalLong;

/** A provider model's requests- and tokens-per-minute limits, which delay a call and never refuse it. */
public final class RateLimit {

    private final TokenBucket requests;
    private final TokenBucket tokens;

    /**
     * @param requestsPerMinute the RPM limit, empty for none
     * @param tokensPerMinute   the TPM limit, empty for none
     * @param now               when the limit starts, with both buckets full
     */
    public RateLimit(OptionalLong requestsPerMinute, OptionalLong tokensPerMinute, long now) {
        this.requests = requestsPerMinute.isPresent() ? new TokenBucket(requestsPerMinute.getAsLong(), now) : null;
        this.tokens = tokensPerMinute.isPresent() ? new TokenBucket(tokensPerMinute.getAsLong(), now) : null;
    }

    /** A limit that never delays. */
    public static RateLimit unlimited() {
        return new RateLimit(OptionalLong.empty(), OptionalLong.empty(), 0);
    }

    public boolean isUnlimited() {
        return requests == null && tokens == null;
    }

    /** Reserves one request of {@code estimatedTokens}; returns the nanos to wait before sending it. */
    public long reserve(long now, long estimatedTokens) {
        long waitForRequest = requests == null ? 0 : requests.reserve(now, 1);
        long waitForTokens = tokens == null ? 0 : tokens.reserve(now, estimatedTokens);
        return Math.max(waitForRequest, waitForTokens);
    }

    /**
     * Reserves like {@link #reserve} when the wait would be at most {@code maxWait} nanos; otherwise reserves
     * nothing (the caller goes elsewhere rather than wait past its deadline).
     *
     * @return the wait, or empty when it would exceed {@code maxWait}
     */
    public OptionalLong tryReserve(long now, long estimatedTokens, long maxWait) {
        long waitForRequest = requests == null ? 0 : requests.waitFor(now, 1);
        long waitForTokens = tokens == null ? 0 : tokens.waitFor(now, estimatedTokens);
        if (Math.max(waitForRequest, waitForTokens) > maxWait) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(reserve(now, estimatedTokens));
    }

    /**
     * Settles a reservation once the call is over: {@code estimatedTokens} were reserved and {@code usedTokens}
     * were billed; the difference goes back (or is taken) so the limit follows real use.
     */
    public void settle(long now, long estimatedTokens, long usedTokens) {
        if (tokens == null || usedTokens == estimatedTokens) {
            return;
        }
        if (usedTokens < estimatedTokens) {
            tokens.refund(now, estimatedTokens - usedTokens);
        } else {
            tokens.reserve(now, usedTokens - estimatedTokens);
        }
    }

    /** Gives the whole reservation back: the call was not made. */
    public void cancel(long now, long estimatedTokens) {
        if (requests != null) {
            requests.refund(now, 1);
        }
        if (tokens != null) {
            tokens.refund(now, estimatedTokens);
        }
    }
}
