package dev.switchboard.core.ledger;

import dev.switchboard.core.event.WireEnum;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * What a spend report covers: one grouping, an optional half-open time range {@code [from, to)} on the events'
 * {@code occurred_at}, and an optional tenant filter.
 *
 * @param from inclusive lower bound, or null for the beginning of time
 * @param to   exclusive upper bound, or null for no upper bound
 */
public record SpendQuery(SpendDimension groupBy, Instant from, Instant to, String tenant) {

    public static final String GROUP_BY = "groupBy";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String TENANT = "tenant";

    public SpendQuery {
        if (groupBy == null) {
            throw new InvalidSpendQueryException(GROUP_BY, "groupBy is required");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidSpendQueryException(TO, "to (" + to + ") must be after from (" + from + ")");
        }
    }

    /**
     * Reads the raw query parameters. {@code groupBy} defaults to tenant; times are ISO-8601 instants
     * ({@code 2026-11-21T10:00:00Z}), offset date-times or dates (a date means its midnight UTC).
     *
     * @throws InvalidSpendQueryException naming the parameter that cannot be read
     */
    public static SpendQuery parse(String groupBy, String from, String to, String tenant) {
        SpendDimension dimension = blank(groupBy) ? SpendDimension.TENANT
                : WireEnum.parse(SpendDimension.class, groupBy.trim()).orElseThrow(() ->
                new InvalidSpendQueryException(GROUP_BY, "groupBy must be one of "
                        + WireEnum.choices(SpendDimension.class) + ", not '" + groupBy + "'"));
        return new SpendQuery(dimension, time(FROM, from), time(TO, to), blank(tenant) ? null : tenant.trim());
    }

    private static Instant time(String parameter, String value) {
        if (blank(value)) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidSpendQueryException(parameter, parameter + " must be an ISO-8601 time such as "
                    + "2026-11-21T10:00:00Z or a date such as 2026-11-21, not '" + value + "'");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
