package io.renlayer.api.problems;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the API's web module (web.xml): what the server refuses before JAX-RS sees it
 * (an encoded dot in the path, a malformed chunked body) is answered as problem JSON, never as
 * Liberty's HTML page with an exception in it.
 */
@WebServlet("/.problem")
public class ServerErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer i && i >= 400 ? i : 404;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null && code >= 500) {
            code = 400; // the container failed reading the request
        }
        String title = code == 404 ? "Not Found" : code < 500 ? "Bad Request" : "Internal Server Error";
        String detail =
                code == 404 ? "No such resource." : code < 500 ? "The request could not be read." : "Unexpected error.";
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + code + ",\"detail\":\""
                        + detail + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(code);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
