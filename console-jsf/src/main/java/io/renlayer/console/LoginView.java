package io.renlayer.console;

import io.renlayer.admin.auth.SignInResult;
import io.renlayer.admin.auth.SignInService;
import io.renlayer.core.errors.AuthenticationFailedException;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.errors.TooManyAttemptsException;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/** Password, then (first time) the authenticator enrolment, then the one-time code. */
@Named
@ViewScoped
public class LoginView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private SignInService signIn;

    @Inject
    private ConsoleSession session;

    private String email;
    private String password;
    private String code;
    private String otpauthUri;
    private String otpSecret;
    private boolean codeAsked;

    public String submit() {
        try {
            SignInResult result = signIn.signIn(email, password, code, null);
            if (SignInResult.ENROL_OTP.equals(result.status())) {
                otpauthUri = result.otpauthUri();
                otpSecret = result.otpSecret();
                codeAsked = true;
                return null;
            }
            HttpServletRequest request = (HttpServletRequest)
                    FacesContext.getCurrentInstance().getExternalContext().getRequest();
            request.changeSessionId(); // a new session id at sign-in: no session fixation
            session.signIn(result.user());
            return "/dashboard.xhtml?faces-redirect=true";
        } catch (AuthenticationFailedException e) {
            boolean firstAsk = e.otpRequired() && !codeAsked;
            codeAsked |= e.otpRequired();
            message(firstAsk ? "Enter the code from your authenticator app." : e.getMessage());
        } catch (InvalidRequestException | TooManyAttemptsException e) {
            message(e.getMessage());
        }
        return null;
    }

    /** What the sign-in page says after a sign-in through the provider did not complete. */
    public String getSsoMessage() {
        String reason = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("sso");
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case "no_provider" -> "That tenant has no identity provider to sign in with.";
            case "provider_unavailable" -> "The identity provider could not be reached; try again later.";
            case "no_role" -> "None of your groups gives you a role in this tenant.";
            case "disabled" -> "Your account is disabled in this tenant, or its e-mail belongs to another user.";
            default -> "The sign-in through your identity provider did not complete; please start again.";
        };
    }

    private static void message(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getOtpauthUri() {
        return otpauthUri;
    }

    public String getQrSvg() {
        return otpauthUri == null ? null : QrSvg.of(otpauthUri);
    }

    public String getOtpSecret() {
        return otpSecret;
    }

    public boolean isCodeAsked() {
        return codeAsked;
    }
}
