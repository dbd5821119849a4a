package dev.switchboard.testsupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/** Reads headers of consumed records in tests, as the text the services write them in. */
public final class RecordHeaders {

    private RecordHeaders() {
    }

    /** The last value of header {@code name} as UTF-8 text, or null when the record has none. */
    public static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
