package io.renlayer.admin.auth;

import io.renlayer.admin.auth.TokenIssuer.IssuedToken;
import io.renlayer.admin.users.PlatformUser;

/**
 * Either a signed-in user's token, or, for a user without an authenticator yet, the enrolment to
 * scan; the next sign-in with a code from it completes enrolment and returns a token.
 */
public record SignInResult(String status, IssuedToken token, PlatformUser user, String otpauthUri, String otpSecret) {

    public static final String SIGNED_IN = "signed_in";
    public static final String ENROL_OTP = "otp_enrolment_required";

    static SignInResult token(IssuedToken token, PlatformUser user) {
        return new SignInResult(SIGNED_IN, token, user, null, null);
    }

    static SignInResult enrolment(String otpauthUri, String otpSecret) {
        return new SignInResult(ENROL_OTP, null, null, otpauthUri, otpSecret);
    }
}
