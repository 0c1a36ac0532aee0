package io.renlayer.proxy;

import io.renlayer.proxy.error.ErrorDialect;
import io.renlayer.proxy.error.ErrorWriter;
import io.renlayer.proxy.error.ProxyError;
import io.renlayer.proxy.route.Route;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The proxy module's error page (web.xml), answered on the servlet's error dispatch: what Liberty
 * refused before the gateway saw it (a malformed chunk, an encoded dot in the path) or what failed
 * outside the gateway's own handling is answered as JSON in the caller's dialect, never as an HTML
 * page with an exception in it. The exception is logged at FINE only: its text can echo input.
 */
final class ServerErrorPage {

    private static final Logger LOG = Logger.getLogger(ServerErrorPage.class.getName());

    private ServerErrorPage() {}

    static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            String requestId,
            Function<String, Route> routeOfPath)
            throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int code = status instanceof Integer i ? i : 500;
        if (failure != null) {
            LOG.log(Level.FINE, "request " + requestId + " refused by the server", (Throwable) failure);
            code = code >= 400 && code < 500 ? code : 400; // the container failed reading the request
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Route route = uri instanceof String path ? routeOfPath.apply(path) : null;
        ErrorWriter.write(
                response,
                ProxyError.refusedByServer(code),
                requestId,
                route == null ? ErrorDialect.OPENAI : route.errors(),
                null,
                route == null ? null : route.provider());
    }
}
