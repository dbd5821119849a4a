package dev.switchboard.core.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum whose JSON value is its lower-case name, with lenient-free parsing for validation messages.
 */
public interface WireEnum {

    String name();

    /** The value as it appears in JSON. */
    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a JSON value; empty when it is not one of {@code type}'s values. */
    static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(v -> v.wire().equals(value)).findFirst();
    }

    /** The accepted JSON values, for error messages: {@code cost|speed|quality|balanced}. */
    static <E extends Enum<E> & WireEnum> String choices(Class<E> type) {
        return String.join("|", Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).toList());
    }
}
