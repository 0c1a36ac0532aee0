package io.renlayer.core.errors;

import jakarta.ejb.ApplicationException;
import java.sql.SQLException;

/**
 * The database failed to do what a service asked (it is down, or refused for a reason the service
 * did not expect). Services throw it in place of {@link SQLException}, so the faces (API, console)
 * never handle JDBC's checked exception; the API answers it 503, the console with a message.
 */
@ApplicationException(rollback = true)
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(SQLException cause) {
        super("the database failed: SQLState " + cause.getSQLState(), cause);
    }
}
