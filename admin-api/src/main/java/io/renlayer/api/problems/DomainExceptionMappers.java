package io.renlayer.api.problems;

import io.renlayer.core.errors.AuthenticationFailedException;
import io.renlayer.core.errors.ConflictException;
import io.renlayer.core.errors.ForbiddenException;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.errors.NotFoundException;
import io.renlayer.core.errors.StorageException;
import io.renlayer.core.errors.TooManyAttemptsException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Service exceptions as problem JSON; their messages are written for API callers. */
public final class DomainExceptionMappers {

    private DomainExceptionMappers() {}

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return Problem.response(404, "Not Found", e.getMessage(), Map.of("resource", e.resource()));
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return Problem.response(409, "Conflict", e.getMessage());
        }
    }

    @Provider
    public static class Invalid implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException e) {
            return Problem.response(400, "Bad Request", e.getMessage(), Map.of("field", e.field()));
        }
    }

    @Provider
    public static class SignInRefused implements ExceptionMapper<AuthenticationFailedException> {
        @Override
        public Response toResponse(AuthenticationFailedException e) {
            return Problem.response(401, "Unauthorized", e.getMessage(), Map.of("otpRequired", e.otpRequired()));
        }
    }

    @Provider
    public static class TooManyAttempts implements ExceptionMapper<TooManyAttemptsException> {
        @Override
        public Response toResponse(TooManyAttemptsException e) {
            return Response.fromResponse(Problem.response(429, "Too Many Requests", e.getMessage()))
                    .header("Retry-After", e.retryAfterSeconds())
                    .build();
        }
    }

    @Provider
    public static class Forbidden implements ExceptionMapper<ForbiddenException> {
        @Override
        public Response toResponse(ForbiddenException e) {
            return Problem.response(403, "Forbidden", e.getMessage());
        }
    }

    /** The database failed: the caller may retry; the cause is logged under an incident id, never shown. */
    @Provider
    public static class StorageFailed implements ExceptionMapper<StorageException> {
        private static final Logger LOG = Logger.getLogger(StorageFailed.class.getName());

        @Override
        public Response toResponse(StorageException e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.WARNING, "Database failure, incident " + incident, e);
            return Response.fromResponse(Problem.response(
                            503,
                            "Service Unavailable",
                            "The database cannot be reached right now; retry shortly. Incident " + incident + "."))
                    .header("Retry-After", 5)
                    .build();
        }
    }
}
