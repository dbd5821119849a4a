package dev.switchboard.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/** The last resort for tests: a PostgreSQL container, only where a Docker engine answers. */
final class TestcontainersPostgres {

    private static PostgreSQLContainer<?> container;

    private TestcontainersPostgres() {
    }

    static synchronized PostgresDatabase.Connection startIfDockerAvailable() {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return null;
            }
        } catch (RuntimeException e) {
            return null;
        }
        if (container == null) {
            container = new PostgreSQLContainer<>("postgres:16-alpine");
            container.start();
        }
        return new PostgresDatabase.Connection(container.getJdbcUrl(), container.getUsername(),
                container.getPassword(), "Testcontainers " + container.getDockerImageName());
    }
}
