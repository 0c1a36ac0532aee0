package io.renlayer.console;

import io.renlayer.admin.identity.ProviderSignIn;
import io.renlayer.admin.identity.SignInRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import java.util.UUID;

/**
 * The console's Jakarta Security authentication mechanism. {@code /sso/start?tenant=<id>} sends
 * the browser to the tenant's OpenID Connect provider; {@code /sso/callback} completes the code
 * flow ({@link ProviderSignIn}) and signs the session in. On every other request a session signed
 * in through the provider is refreshed with it first, so the role follows the person's groups at
 * each request and a person the provider no longer admits is signed out; then the container is told
 * who calls, with their role as the group. People who sign in with a password are signed in by
 * the login page, and only announced here.
 */
@ApplicationScoped
public class ConsoleAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String START = "/sso/start";
    static final String CALLBACK = "/sso/callback";
    private static final String PENDING = ConsoleAuthenticationMechanism.class.getName() + ".pending";

    @Inject
    private ProviderSignIn signIn;

    @Inject
    private ConsoleSession session;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        // From the URI: the servlet path is not settled yet when the container asks the mechanism.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(START)) {
            return start(request, context);
        }
        if (path.equals(CALLBACK)) {
            return callback(request, context);
        }
        if (!session.isSignedIn()) {
            return context.doNothing();
        }
        if (!path.startsWith("/jakarta.faces.resource/") && !session.refreshWithProvider(signIn)) {
            // Signed out: the session belonged to the person, so it goes; the sign-in filter then
            // sends the browser to the login page.
            request.getSession().invalidate();
            return context.doNothing();
        }
        // Every request of a signed-in session is announced, scripts and styles included: the
        // container keeps a session to the caller it was first used by.
        return context.notifyContainerAboutLogin(session.actor(), Set.of(session.getRole()));
    }

    private AuthenticationStatus start(HttpServletRequest request, HttpMessageContext context) {
        UUID tenant;
        try {
            tenant = UUID.fromString(
                    String.valueOf(request.getParameter("tenant")).strip());
        } catch (IllegalArgumentException e) {
            return refused(request, context, SignInRefusedException.Reason.NO_PROVIDER);
        }
        try {
            ProviderSignIn.Started started = signIn.start(tenant, callbackUrl(request));
            request.getSession(true).setAttribute(PENDING, started.pending());
            return context.redirect(started.authorizationUrl().toString());
        } catch (SignInRefusedException e) {
            return refused(request, context, e.reason());
        }
    }

    private AuthenticationStatus callback(HttpServletRequest request, HttpMessageContext context) {
        HttpSession browser = request.getSession(false);
        ProviderSignIn.Pending pending =
                browser == null ? null : (ProviderSignIn.Pending) browser.getAttribute(PENDING);
        if (browser != null) {
            browser.removeAttribute(PENDING); // one use only
        }
        try {
            ProviderSignIn.SignedIn signedIn =
                    signIn.complete(pending, request.getParameter("state"), request.getParameter("code"));
            request.changeSessionId(); // a new session id at sign-in: no session fixation
            session.signInViaProvider(signedIn);
            return context.redirect(request.getContextPath() + "/dashboard.xhtml");
        } catch (SignInRefusedException e) {
            return refused(request, context, e.reason());
        }
    }

    private static AuthenticationStatus refused(
            HttpServletRequest request, HttpMessageContext context, SignInRefusedException.Reason reason) {
        return context.redirect(request.getContextPath() + "/login.xhtml?sso=" + reason.code());
    }

    /** Where the provider sends the browser back: this console, as the browser reached it. */
    private static String callbackUrl(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath() + CALLBACK;
    }
}
