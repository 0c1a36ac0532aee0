package io.renlayer.api.problems;

import io.renlayer.core.config.GatewaySettings;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Every API request body is read here first, before any JSON binding sees it: at most
 * {@code RENLAYER_MAX_CONTROL_BODY_BYTES} (413 past it, so an unauthenticated sign-in cannot make
 * the server read 40 MB), nested at most {@link JsonShape#MAX_DEPTH} deep (the binder recurses,
 * and 100,000 nested arrays overflowed its stack into a 500), and without the escape
 * {@code \u0000} (PostgreSQL's text cannot hold a NUL; every field of the API is stored).
 */
@Provider
public class RequestBodyGuard implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body;
        try {
            body = readAtMost(context.getInputStream(), GatewaySettings.maxControlBodyBytes());
        } catch (IOException | IllegalArgumentException e) { // a malformed chunk, a connection cut mid-body
            throw new WebApplicationException(
                    Problem.response(400, "Bad Request", "The request body could not be read."));
        }
        String problem = JsonShape.problem(body);
        if (problem != null) {
            throw new WebApplicationException(Problem.response(400, "Bad Request", problem));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] buffer = new byte[Math.min(limit + 1, 8192)];
        int size = 0;
        for (int n; (n = in.read(buffer, size, buffer.length - size)) > 0; ) {
            size += n;
            if (size > limit) {
                throw new WebApplicationException(Problem.response(
                        413, "Content Too Large", "The request body is larger than " + limit + " bytes."));
            }
            if (size == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(limit + 1, buffer.length * 2));
            }
        }
        return Arrays.copyOf(buffer, size);
    }
}
