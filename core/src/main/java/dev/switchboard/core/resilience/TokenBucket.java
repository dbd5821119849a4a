package dev.switchboard.core.resilience;

/** A token bucket that lends ahead: an over-sized reservation says how long to wait instead of failing. */
public final class TokenBucket {

    // Units are kept times the microseconds in a minute, so refill (perMinute per microsecond) and waits are
    // exact integers; at microsecond grain a long holds even a 100M-per-minute limit with room to spare.
    private static final long MICROS_PER_MINUTE = 60_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;

    private final long perMinute;
    private final long capacity;
    private long balance;
    private long updatedAt;

    /**
     * @param perMinute how many units the bucket grants per minute (and holds at most)
     * @param now       the time the bucket starts, full
     */
    public TokenBucket(long perMinute, long now) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least 1 per minute, was " + perMinute);
        }
        this.perMinute = perMinute;
        this.capacity = Math.multiplyExact(perMinute, MICROS_PER_MINUTE);
        this.balance = capacity;
        this.updatedAt = now;
    }

    /** Takes {@code amount} units now and returns the nanos to wait before using them (0 when they were there). */
    public long reserve(long now, long amount) {
        refill(now);
        balance -= scaled(amount);
        return waitFor(balance);
    }

    /** The wait {@link #reserve} would return, without taking anything. */
    public long waitFor(long now, long amount) {
        refill(now);
        return waitFor(balance - scaled(amount));
    }

    /** Gives back units reserved and not used (a call not made, or fewer tokens than estimated). */
    public void refund(long now, long amount) {
        refill(now);
        balance = Math.min(capacity, balance + scaled(amount));
    }

    /** Units that could be taken now without waiting (negative while in debt). */
    public double available(long now) {
        refill(now);
        return (double) balance / MICROS_PER_MINUTE;
    }

    private long waitFor(long scaledBalance) {
        if (scaledBalance >= 0) {
            return 0;
        }
        long micros = ceilDiv(-scaledBalance, perMinute);
        return Math.multiplyExact(micros, NANOS_PER_MICRO);
    }

    private void refill(long now) {
        long elapsedMicros = (now - updatedAt) / NANOS_PER_MICRO;
        if (elapsedMicros <= 0) {
            return;
        }
        updatedAt += elapsedMicros * NANOS_PER_MICRO;
        long untilFull = ceilDiv(capacity - balance, perMinute);
        balance = elapsedMicros >= untilFull ? capacity : balance + elapsedMicros * perMinute;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }

    private static long scaled(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("cannot reserve a negative amount, was " + amount);
        }
        return Math.multiplyExact(amount, MICROS_PER_MINUTE);
    }
}
