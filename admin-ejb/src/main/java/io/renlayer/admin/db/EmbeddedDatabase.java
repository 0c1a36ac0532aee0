package io.renlayer.admin.db;

import io.renlayer.core.config.GatewaySettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The embedded default: a real PostgreSQL (binaries from Maven Central) started as a child process
 * when no external database is configured, so the gateway runs on a machine with nothing
 * installed. Its data survives restarts in {@link GatewaySettings#embeddedDatabaseDir()}.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start() {
        int port = GatewaySettings.embeddedDatabasePort();
        Path dir = GatewaySettings.embeddedDatabaseDir();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPgBinaryResolver(EmbeddedDatabase::binaries)
                    .start();
            LOG.info("Started the embedded PostgreSQL on 127.0.0.1:" + port + " with data in " + dir
                    + " (set RENLAYER_DB_URL to use an external database)");
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL on port " + port, e);
        }
    }

    /**
     * The binaries archive from our own class loader. The default resolver scans every loader and
     * refuses to choose when an application server exposes the same jar twice.
     */
    private static InputStream binaries(String system, String machineHardware) {
        String name = String.format("postgres-%s-%s.txz", system.toLowerCase(Locale.ROOT), machineHardware);
        InputStream archive = EmbeddedDatabase.class.getClassLoader().getResourceAsStream(name);
        if (archive == null) {
            throw new IllegalStateException("No embedded PostgreSQL binaries for " + system + "/" + machineHardware
                    + "; set RENLAYER_DB_URL to use an external PostgreSQL");
        }
        return archive;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warning("The embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
