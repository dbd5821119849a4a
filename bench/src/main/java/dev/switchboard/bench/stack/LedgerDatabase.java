package dev.switchboard.bench.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ledger's database for one stack run: a fresh one on a reachable PostgreSQL, else on an embedded one. */
public final class LedgerDatabase implements AutoCloseable {

    /** The server the demo uses unless {@code SWITCHBOARD_DB_URL} names another. */
    public static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$");
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final String description;
    private final EmbeddedPostgresServer embedded;

    private LedgerDatabase(String jdbcUrl, String username, String password, String description,
                           EmbeddedPostgresServer embedded) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.description = description;
        this.embedded = embedded;
    }

    /**
     * The demo's database: a fresh {@code name} on the server of {@code SWITCHBOARD_DB_URL} (user and password from
     * {@code SWITCHBOARD_DB_USER}, {@code SWITCHBOARD_DB_PASSWORD}), else on 127.0.0.1:5432 as postgres, else in
     * an embedded PostgreSQL.
     */
    public static LedgerDatabase forDemo(String name, Consumer<String> log) {
        String url = env("SWITCHBOARD_DB_URL", LOCAL_SERVER);
        String user = env("SWITCHBOARD_DB_USER", "postgres");
        String password = env("SWITCHBOARD_DB_PASSWORD", "");
        String problem = connectProblem(url, user, password);
        if (problem == null) {
            return fresh(url, user, password, name);
        }
        log.accept("No PostgreSQL at " + url + " (" + problem + "); starting an embedded PostgreSQL instead.");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
        try {
            return server.createDatabase(name);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Drops and creates database {@code name} on the server {@code serverUrl} points at (any database on it will do
     * for the connection), and returns it.
     */
    public static LedgerDatabase fresh(String serverUrl, String user, String password, String name) {
        return fresh(serverUrl, user, password, name, null, "PostgreSQL at " + hostOf(serverUrl));
    }

    static LedgerDatabase fresh(String serverUrl, String user, String password, String name,
                                EmbeddedPostgresServer embedded, String where) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: '" + name + "'");
        }
        try (Connection admin = DriverManager.getConnection(serverUrl, credentials(user, password));
             Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + serverUrl + ": "
                    + e.getMessage(), e);
        }
        String url = withDatabase(serverUrl, name);
        return new LedgerDatabase(url, user, password, "database " + name + " on " + where, embedded);
    }

    /** The same JDBC URL naming another database; query parameters are kept. */
    static String withDatabase(String jdbcUrl, String database) {
        Matcher m = JDBC_URL.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    /** Why a connection cannot be opened within a few seconds, or null when it can. */
    static String connectProblem(String url, String user, String password) {
        Properties props = credentials(user, password);
        props.setProperty("connectTimeout", "3");
        props.setProperty("loginTimeout", "3");
        try (Connection ignored = DriverManager.getConnection(url, props)) {
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** For people: which database on which server. */
    public String description() {
        return description;
    }

    /** The pid of the embedded server's postmaster, when this run started one. */
    public Optional<Long> serverPid() {
        return embedded == null ? Optional.empty() : embedded.pid();
    }

    /** Stops the embedded server, if any; a database on an existing server is kept for inspection. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }

    private static Properties credentials(String user, String password) {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return props;
    }

    private static String hostOf(String url) {
        Matcher m = JDBC_URL.matcher(url);
        return m.matches() ? m.group(1).substring("jdbc:postgresql://".length()) : url;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
