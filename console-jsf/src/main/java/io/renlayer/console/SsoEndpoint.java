package io.renlayer.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives {@code /sso/*} a servlet, so that the authentication mechanism is asked about those paths;
 * it answers them itself. A request it let through (an unknown path under {@code /sso/}) goes back
 * to the login page.
 */
@WebServlet("/sso/*")
public class SsoEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/login.xhtml");
    }
}
