package io.renlayer.api.problems;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else: framework errors keep their status, unreadable bodies become 400, and anything
 * unexpected is logged under an incident id and answered 500, never with a stack trace.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException wae) {
            if (wae.getResponse().hasEntity()) {
                return wae.getResponse(); // a problem this application wrote already
            }
            int status = wae.getResponse().getStatus();
            String title = Response.Status.fromStatusCode(status) == null
                    ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
            return Problem.response(status, title, status == 404 ? "No such resource." : null);
        }
        if (e instanceof ProcessingException || e instanceof JsonbException) {
            return Problem.response(400, "Bad Request", "The request body is not valid JSON for this resource.");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unhandled error, incident " + incident, e);
        return Problem.response(500, "Internal Server Error", "Unexpected error; incident " + incident + ".");
    }
}
