package io.renlayer.core.errors;

import java.sql.SQLException;

/**
 * Runs a service's JDBC work and turns a {@link SQLException} it did not handle itself into a
 * {@link StorageException}: the one place the management side's JDBC code meets its callers.
 */
public final class Storage {

    /** JDBC work with a result. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    /** JDBC work without one. */
    @FunctionalInterface
    public interface Action {
        void run() throws SQLException;
    }

    private Storage() {}

    public static <T> T call(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    public static void run(Action action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }
}
