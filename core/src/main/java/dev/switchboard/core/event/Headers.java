package dev.switchboard.core.event;

/**
 * Kafka header names for the event metadata infrastructure needs without parsing the payload.
 */
public final class Headers {

    /** Unique id of the event (usage events: derived from request id, attempt and step). */
    public static final String EVENT_ID = "sb-event-id";
    /** Payload type, e.g. {@code LlmResult}. */
    public static final String EVENT_TYPE = "sb-event-type";
    /** Schema version of the payload. */
    public static final String SCHEMA_VERSION = "sb-schema-version";
    /** Why a record was sent to the dead-letter topic. */
    public static final String DLQ_REASON = "sb-dlq-reason";
    /** Topic the dead-lettered record came from. */
    public static final String DLQ_SOURCE_TOPIC = "sb-dlq-source-topic";
    /** Service that dead-lettered the record. */
    public static final String DLQ_SERVICE = "sb-dlq-service";
    /** W3C trace context, passed through when the producer set it. */
    public static final String TRACEPARENT = "traceparent";

    private Headers() {
    }
}
