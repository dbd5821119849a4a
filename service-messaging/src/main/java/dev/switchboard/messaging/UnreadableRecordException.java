package dev.switchboard.messaging;

/** Why a record went to the dead-letter topic; its message becomes the {@code dead-letter-reason} header. */
public final class UnreadableRecordException extends RuntimeException {

    public UnreadableRecordException(String reason) {
        // No stack trace: the reason is the whole story, and dead letters can come in bursts.
        super(reason, null, false, false);
    }
}
