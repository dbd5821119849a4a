package dev.switchboard.core.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SpendQueryTest {

    @ParameterizedTest(name = "groupBy={0}, from={1}, to={2}")
    @CsvSource({
            "tenant,  2026-11-21T10:00:00Z,      2026-11-21T11:00:00Z,  TENANT,  2026-11-21T10:00:00Z, 2026-11-21T11:00:00Z",
            "model,   2026-11-21T11:00:00+01:00, ,                      MODEL,   2026-11-21T10:00:00Z, ",
            "user,    ,                          2026-11-22,            USER,    ,                     2026-11-22T00:00:00Z",
            "project, 2026-11-21T10:00Z,         ,                      PROJECT, 2026-11-21T10:00:00Z, ",
            "feature, ,                          ,                      FEATURE, ,                     ",
            ",        ,                          ,                      TENANT,  ,                     ",
    })
    void readsGroupingAndIsoTimes(String groupBy, String from, String to, SpendDimension dimension,
                                  Instant expectedFrom, Instant expectedTo) {
        SpendQuery query = SpendQuery.parse(groupBy, from, to, null);

        assertThat(query.groupBy()).isEqualTo(dimension);
        assertThat(query.from()).isEqualTo(expectedFrom);
        assertThat(query.to()).isEqualTo(expectedTo);
    }

    @ParameterizedTest(name = "groupBy={0}, from={1}, to={2} is wrong in {3}")
    @CsvSource({
            "colour, ,                     ,                     groupBy",
            "TENANT, ,                     ,                     groupBy",
            "tenant, yesterday,            ,                     from",
            "tenant, 2026-11-21T10:00:00,  ,                     from",
            "tenant, ,                     2026-13-01,           to",
            "tenant, 2026-11-21T10:00:00Z, 2026-11-21T10:00:00Z, to",
            "tenant, 2026-11-21T11:00:00Z, 2026-11-21T10:00:00Z, to",
    })
    void namesTheParameterItCannotRead(String groupBy, String from, String to, String parameter) {
        InvalidSpendQueryException e = catchThrowableOfType(InvalidSpendQueryException.class,
                () -> SpendQuery.parse(groupBy, from, to, null));

        assertThat(e).isNotNull();
        assertThat(e.parameter()).isEqualTo(parameter);
        assertThat(e.getMessage()).contains(parameter);
    }

    @Test
    void aBlankTenantMeansEveryTenant() {
        assertThat(SpendQuery.parse("model", null, null, " ").tenant()).isNull();
        assertThat(SpendQuery.parse("model", null, null, "acme").tenant()).isEqualTo("acme");
    }
}
