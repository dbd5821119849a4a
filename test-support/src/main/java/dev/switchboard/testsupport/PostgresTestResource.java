package dev.switchboard.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Quarkus test resource pointing the default datasource at a real PostgreSQL ({@link PostgresDatabase}). */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        PostgresDatabase.Connection db = PostgresDatabase.resolve();
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        // the database outlives the test run; tests clean the rows they own
    }
}
