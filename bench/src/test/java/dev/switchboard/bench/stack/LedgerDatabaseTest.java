package dev.switchboard.bench.stack;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerDatabaseTest {

    @ParameterizedTest
    @CsvSource({
            "jdbc:postgresql://127.0.0.1:5432/postgres, jdbc:postgresql://127.0.0.1:5432/switchboard_demo",
            "jdbc:postgresql://db.example:6543/test?sslmode=require, jdbc:postgresql://db.example:6543/switchboard_demo?sslmode=require",
            "jdbc:postgresql://localhost:5433/postgres?user=postgres, jdbc:postgresql://localhost:5433/switchboard_demo?user=postgres",
            "jdbc:postgresql://localhost, jdbc:postgresql://localhost/switchboard_demo"})
    void pointsTheServerUrlAtAnotherDatabase(String server, String expected) {
        assertThat(LedgerDatabase.withDatabase(server, "switchboard_demo")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"Robert'); DROP TABLE x;--", "1abc", "with space"})
    void refusesDatabaseNamesThatAreNotPlainIdentifiers(String name) {
        assertThatThrownBy(() -> LedgerDatabase.fresh("jdbc:postgresql://127.0.0.1:1/postgres", "u", "", name))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a plain database name");
    }
}
