package dev.switchboard.ledger.service;

/** What booking one usage record did; the {@code outcome} tag of {@code switchboard.ledger.usage.ingested}. */
public enum IngestOutcome {
    /** A new event: stored and added to its hour. */
    STORED,
    /** An event id already booked: nothing changed. */
    DUPLICATE,
    /** Not a valid usage event: sent to the dead-letter topic. */
    REJECTED;

    /** The metric tag value. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
