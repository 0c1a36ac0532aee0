package io.renlayer.console;

import io.renlayer.admin.audit.RequestOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Every console page but sign-in needs a signed-in user; the audit log learns where requests come from. */
@WebFilter("/*")
public class SignInFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private ConsoleSession session;

    @Inject
    private RequestOrigin origin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        origin.sourceIp(request.getRemoteAddr());
        String path = request.getServletPath();
        boolean open = path.equals("/login.xhtml") || path.startsWith("/jakarta.faces.resource/");
        if (!open && !session.isSignedIn()) {
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
            return;
        }
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
