package dev.switchboard.testsupport;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Finds a real PostgreSQL: the JDBC URL in the environment, else 127.0.0.1:5432 database {@code test}, else a
 * Testcontainers container where Docker exists; otherwise fails saying what to start.
 */
public final class PostgresDatabase {

    /** Environment variables read, first one set wins. */
    public static final String[] URL_VARIABLES = {"SWITCHBOARD_TEST_DB_URL", "QUARKUS_DATASOURCE_JDBC_URL"};
    public static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    /** Where the database is and how to log in. */
    public record Connection(String jdbcUrl, String username, String password, String source) {
    }

    private PostgresDatabase() {
    }

    public static synchronized Connection resolve() {
        for (String variable : URL_VARIABLES) {
            String url = System.getenv(variable);
            if (url != null && !url.isBlank()) {
                String user = envOr("SWITCHBOARD_TEST_DB_USER", envOr("QUARKUS_DATASOURCE_USERNAME", "postgres"));
                String password = envOr("SWITCHBOARD_TEST_DB_PASSWORD", envOr("QUARKUS_DATASOURCE_PASSWORD", ""));
                return new Connection(url, user, password, "environment " + variable);
            }
        }
        if (reachable(LOCAL_URL, "postgres", "")) {
            return new Connection(LOCAL_URL, "postgres", "", "local server 127.0.0.1:5432");
        }
        Connection fromDocker = testcontainers();
        if (fromDocker != null) {
            return fromDocker;
        }
        throw new IllegalStateException("""
                No PostgreSQL for the tests. Start one of:
                  - a local server on 127.0.0.1:5432 with a database 'test' and trust auth for user postgres
                    (Debian: pg_ctlcluster <version> main start; createdb -U postgres test), or
                  - set SWITCHBOARD_TEST_DB_URL=jdbc:postgresql://host:port/db (with SWITCHBOARD_TEST_DB_USER and
                    SWITCHBOARD_TEST_DB_PASSWORD), or
                  - a Docker engine, for a Testcontainers PostgreSQL.""");
    }

    /** True when a connection can be opened (and closed) within a few seconds. */
    public static boolean reachable(String url, String user, String password) {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "3");
        props.setProperty("loginTimeout", "3");
        try (java.sql.Connection ignored = DriverManager.getConnection(url, props)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Connection testcontainers() {
        try {
            Class.forName("org.testcontainers.containers.PostgreSQLContainer");
        } catch (ClassNotFoundException e) {
            return null;
        }
        return TestcontainersPostgres.startIfDockerAvailable();
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
