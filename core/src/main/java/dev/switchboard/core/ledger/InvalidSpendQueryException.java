package dev.switchboard.core.ledger;

/** A spend query parameter that cannot be read; {@link #parameter()} names it for the caller. */
public class InvalidSpendQueryException extends IllegalArgumentException {

    private final String parameter;

    public InvalidSpendQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The query parameter at fault, as the caller spelt it (e.g. {@code groupBy}). */
    public String parameter() {
        return parameter;
    }
}
