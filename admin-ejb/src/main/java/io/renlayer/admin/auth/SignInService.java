package io.renlayer.admin.auth;

import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.audit.RequestOrigin;
import io.renlayer.admin.users.PasswordHasher;
import io.renlayer.admin.users.PlatformUser;
import io.renlayer.core.config.GatewaySettings;
import io.renlayer.core.crypto.MasterKeyProvider;
import io.renlayer.core.errors.AuthenticationFailedException;
import io.renlayer.core.errors.InvalidRequestException;
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
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Password plus one-time code, then a JWT. A user without an authenticator gets an enrolment
 * (otpauth URI and secret) after the right password, and is enrolled by the first valid code from
 * it. Failures slow down their source ({@link SignInThrottle}), never lock the account. A refusal
 * reads the same whatever was wrong, and depends only on the request: {@code otpRequired} says
 * whether a code was sent, not whether the password was right. Every outcome is audited.
 */
@Stateless
public class SignInService {

    private static final String ISSUER_LABEL = "RenLayer";

    @PersistenceContext(unitName = "renlayer")
    private EntityManager em;

    @Inject
    private MasterKeyProvider masterKey;

    @EJB
    private SigningKeys signingKeys;

    @EJB
    private AuditLog audit;

    @Inject
    private SignInThrottle throttle;

    @Inject
    private RequestOrigin origin;

    public SignInResult signIn(String email, String password, String code, Long ttlSeconds) {
        return signIn(email, password, code, ttlSeconds, null);
    }

    /**
     * @param tenantId the tenant to sign in to; needed only when the e-mail has accounts in several
     *     tenants whose passwords are the one given
     */
    public SignInResult signIn(String email, String password, String code, Long ttlSeconds, UUID tenantId) {
        if (email == null || password == null) {
            throw new InvalidRequestException(email == null ? "email" : "password", "email and password are required");
        }
        Duration lifetime = lifetime(ttlSeconds);
        throttle.check(origin.sourceIp(), email);
        Instant now = Instant.now();
        List<PlatformUser> candidates = em.createNamedQuery("PlatformUser.byEmail", PlatformUser.class)
                .setParameter("email", email.strip())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .filter(u -> tenantId == null || u.getTenantId().equals(tenantId))
                .toList();
        if (candidates.isEmpty()) {
            PasswordHasher.verifyDecoy(password.toCharArray());
            throttle.failed(origin.sourceIp(), email);
            throw refused(code);
        }
        PlatformUser user = candidates.get(0);
        if (candidates.size() > 1) {
            List<PlatformUser> matching = candidates.stream()
                    .filter(u -> PasswordHasher.verify(u.getPasswordHash(), password.toCharArray()))
                    .toList();
            if (matching.size() > 1) {
                throw new InvalidRequestException("tenant", "this e-mail signs in to several tenants; name the tenant");
            }
            user = matching.isEmpty() ? user : matching.get(0);
        }
        if (user.isDisabled()) {
            PasswordHasher.verifyDecoy(password.toCharArray());
            audit.record(user.getTenantId(), "user:" + user.getId(), "user.sign_in_refused", "user", user.getId());
            throttle.failed(origin.sourceIp(), email);
            throw refused(code);
        }
        if (!PasswordHasher.verify(user.getPasswordHash(), password.toCharArray())) {
            return fail(user, email, code);
        }
        if (user.getOtpSecretEnc() == null) {
            byte[] secret = OneTimeCodes.newSecret();
            user.startOtpEnrolment(
                    masterKey.cipher().encrypt(Base64.getEncoder().encodeToString(secret)));
            audit.record(
                    user.getTenantId(), "user:" + user.getId(), "user.otp_enrolment_started", "user", user.getId());
            return enrolment(user, secret);
        }
        if (code == null || code.isBlank()) {
            if (!user.isOtpEnrolled()) {
                return enrolment(user, secretOf(user));
            }
            return fail(user, email, code); // as a wrong password reads: the password is not confirmed
        }
        OptionalLong step = OneTimeCodes.matchingStep(secretOf(user), code, now, user.getOtpLastStep());
        if (step.isEmpty()) {
            return fail(user, email, code);
        }
        boolean enrolling = !user.isOtpEnrolled();
        user.signedIn(step.getAsLong(), true, now);
        audit.record(
                user.getTenantId(),
                "user:" + user.getId(),
                enrolling ? "user.otp_enrolled" : "user.sign_in",
                "user",
                user.getId());
        return SignInResult.token(TokenIssuer.issue(signingKeys.current(), user, lifetime), user);
    }

    private static SignInResult enrolment(PlatformUser user, byte[] secret) {
        return SignInResult.enrolment(
                OneTimeCodes.otpauthUri(ISSUER_LABEL, user.getEmail(), secret), OneTimeCodes.base32(secret));
    }

    private SignInResult fail(PlatformUser user, String email, String code) {
        throttle.failed(origin.sourceIp(), email);
        audit.record(user.getTenantId(), "user:" + user.getId(), "user.sign_in_failed", "user", user.getId());
        throw refused(code);
    }

    private byte[] secretOf(PlatformUser user) {
        return Base64.getDecoder()
                .decode(masterKey.cipher().decrypt(user.getOtpSecretEnc()).getBytes(StandardCharsets.US_ASCII));
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

    private static AuthenticationFailedException refused(String code) {
        return new AuthenticationFailedException(
                "e-mail, password or one-time code is wrong", code == null || code.isBlank());
    }
}
