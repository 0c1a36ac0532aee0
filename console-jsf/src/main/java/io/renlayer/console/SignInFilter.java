package io.renlayer.console;

import io.renlayer.admin.audit.RequestOrigin;
import io.renlayer.admin.users.UserService;
import io.renlayer.core.config.GatewaySettings;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Every console page but sign-in needs a signed-in user, acting with the role the database holds
 * now (a demoted user writes no more; a disabled or deleted one is signed out); the audit log
 * learns where requests come from.
 */
@WebFilter("/*")
public class SignInFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private ConsoleSession session;

    @Inject
    private RequestOrigin origin;

    @EJB
    private UserService users;

    /**
     * Scripts, styles, frames and form targets from this origin only: PrimeFaces needs inline
     * scripts and styles (its widgets are wired by them), but nothing of another origin runs.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                    + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
                    + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static void protect(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    /** Past the control listener's body limit, or of a length not declared up front (no browser form is). */
    private static boolean tooLarge(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        return length > GatewaySettings.maxControlBodyBytes()
                || (length < 0 && request.getHeader("Transfer-Encoding") != null);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        origin.sourceIp(request.getRemoteAddr());
        protect(response);
        if (tooLarge(request)) {
            response.setStatus(413);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("The request body is too large.");
            return;
        }
        String path = request.getServletPath();
        boolean open = path.equals("/login.xhtml")
                || path.startsWith("/jakarta.faces.resource/")
                || path.equals("/sso"); // answered by ConsoleAuthenticationMechanism
        if (!open && !session.refresh(users)) {
            HttpSession signedOut = request.getSession(false);
            if (signedOut != null && request.getUserPrincipal() != null) {
                signedOut.invalidate(); // the container keeps a session to its user: a new one for the login page
            }
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
