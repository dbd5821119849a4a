package dev.switchboard.testsupport;

import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The resolved database is a real PostgreSQL that answers SQL; an unreachable one is reported as such. */
class PostgresDatabaseTest {

    @Test
    void resolvesARealPostgresql() throws Exception {
        PostgresDatabase.Connection db = PostgresDatabase.resolve();

        try (java.sql.Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("PostgreSQL");
        }
    }

    @Test
    void reportsAnUnreachableServer() {
        assertThat(PostgresDatabase.reachable("jdbc:postgresql://127.0.0.1:1/none", "postgres", "")).isFalse();
    }
}
