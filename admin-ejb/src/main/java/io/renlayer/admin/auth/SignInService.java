package io.renlayer.admin.auth;

import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.config.GatewaySettings;
import io.renlayer.admin.crypto.MasterKeyProvider;
import io.renlayer.admin.errors.AuthenticationFailedException;
import io.renlayer.admin.errors.InvalidRequestException;
import io.renlayer.admin.users.PlatformUser;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * Password plus one-time code, then a JWT. A user without an authenticator gets an enrolment
 * (otpauth URI and secret) after the right password, and is enrolled by the first valid code from
 * it. Five failures lock the account for fifteen minutes; every outcome is audited.
 */
@Stateless
public class SignInService {

    static final int LOCK_AFTER_FAILURES = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    private static final String ISSUER_LABEL = "RenLayer";

    @PersistenceContext(unitName = "renlayer")
    private EntityManager em;

    @Inject
    private MasterKeyProvider masterKey;

    @EJB
    private SigningKeys signingKeys;

    @EJB
    private AuditLog audit;

    public SignInResult signIn(String email, String password, String code, Long ttlSeconds) {
        if (email == null || password == null) {
            throw new InvalidRequestException(email == null ? "email" : "password", "email and password are required");
        }
        Duration lifetime = lifetime(ttlSeconds);
        Instant now = Instant.now();
        PlatformUser user = em.createNamedQuery("PlatformUser.byEmail", PlatformUser.class)
                .setParameter("email", email.strip())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (user == null) {
            PasswordHasher.verifyDecoy(password.toCharArray());
            throw refused();
        }
        if (user.isDisabled() || (user.getLockedUntil() != null && user.getLockedUntil().isAfter(now))) {
            PasswordHasher.verifyDecoy(password.toCharArray());
            audit.record(user.getTenantId(), "user:" + user.getId(), "user.sign_in_refused", "user", user.getId());
            throw refused();
        }
        if (!PasswordHasher.verify(user.getPasswordHash(), password.toCharArray())) {
            return fail(user, now);
        }
        if (user.getOtpSecretEnc() == null) {
            byte[] secret = OneTimeCodes.newSecret();
            user.startOtpEnrolment(masterKey.cipher().encrypt(Base64.getEncoder().encodeToString(secret)));
            audit.record(user.getTenantId(), "user:" + user.getId(), "user.otp_enrolment_started", "user", user.getId());
            return enrolment(user, secret);
        }
        if (code == null || code.isBlank()) {
            if (!user.isOtpEnrolled()) {
                return enrolment(user, secretOf(user));
            }
            throw new AuthenticationFailedException("a one-time code from your authenticator app is required", true);
        }
        OptionalLong step = OneTimeCodes.matchingStep(secretOf(user), code, now, user.getOtpLastStep());
        if (step.isEmpty()) {
            return fail(user, now);
        }
        boolean enrolling = !user.isOtpEnrolled();
        user.signedIn(step.getAsLong(), true, now);
        audit.record(user.getTenantId(), "user:" + user.getId(), enrolling ? "user.otp_enrolled" : "user.sign_in",
                "user", user.getId());
        return SignInResult.token(TokenIssuer.issue(signingKeys.current(), user, lifetime), user);
    }

    private static SignInResult enrolment(PlatformUser user, byte[] secret) {
        return SignInResult.enrolment(OneTimeCodes.otpauthUri(ISSUER_LABEL, user.getEmail(), secret),
                OneTimeCodes.base32(secret));
    }

    private SignInResult fail(PlatformUser user, Instant now) {
        user.failedSignIn(LOCK_AFTER_FAILURES, now.plus(LOCK_DURATION));
        audit.record(user.getTenantId(), "user:" + user.getId(), "user.sign_in_failed", "user", user.getId());
        throw refused();
    }

    private byte[] secretOf(PlatformUser user) {
        return Base64.getDecoder().decode(masterKey.cipher().decrypt(user.getOtpSecretEnc())
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static Duration lifetime(Long ttlSeconds) {
        Duration max = GatewaySettings.jwtLifetime();
        if (ttlSeconds == null) {
            return max;
        }
        if (ttlSeconds < 1 || ttlSeconds > max.toSeconds()) {
            throw new InvalidRequestException("ttlSeconds", "ttlSeconds must be between 1 and " + max.toSeconds());
        }
        return Duration.ofSeconds(ttlSeconds);
    }

    private static AuthenticationFailedException refused() {
        return new AuthenticationFailedException("e-mail, password or one-time code is wrong, or the account is locked", false);
    }
}
