package io.renlayer.admin.users;

import io.renlayer.admin.access.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A person who signs in to the platform API and console of one tenant. */
@Entity
@Table(name = "users")
@NamedQuery(name = "PlatformUser.byEmail", query = "select u from PlatformUser u where lower(u.email) = lower(:email)")
@NamedQuery(
        name = "PlatformUser.byTenantAndEmail",
        query = "select u from PlatformUser u where u.tenantId = :tenantId and lower(u.email) = lower(:email)")
@NamedQuery(
        name = "PlatformUser.countOwners",
        query =
                "select count(u) from PlatformUser u where u.tenantId = :tenantId and u.role = :role and u.disabled = false")
public class PlatformUser {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name")
    private String displayName;

    /** Stored as the claim value; no JPA converter, which Hibernate would ask CDI for before CDI is up. */
    @Column(nullable = false)
    private String role;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "otp_secret_enc")
    private byte[] otpSecretEnc;

    @Column(name = "otp_enrolled", nullable = false)
    private boolean otpEnrolled;

    @Column(name = "otp_last_step")
    private Long otpLastStep;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PlatformUser() {}

    PlatformUser(UUID tenantId, String email, String displayName, Role role, String passwordHash) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.email = email;
        this.displayName = displayName;
        this.role = role.claim();
        this.passwordHash = passwordHash;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** What the audit log records of a user: never the password hash or the OTP secret. */
    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("email", email);
        state.put("displayName", displayName);
        state.put("role", role);
        state.put("disabled", disabled);
        state.put("otpEnrolled", otpEnrolled);
        return state;
    }

    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return Role.valueOf(role.toUpperCase(Locale.ROOT));
    }

    public boolean isDisabled() {
        return disabled;
    }

    public boolean isOtpEnrolled() {
        return otpEnrolled;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public byte[] getOtpSecretEnc() {
        return otpSecretEnc;
    }

    public Long getOtpLastStep() {
        return otpLastStep;
    }

    public int getFailedSignIns() {
        return failedSignIns;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
        touch();
    }

    void setRole(Role role) {
        this.role = role.claim();
        touch();
    }

    void setDisabled(boolean disabled) {
        this.disabled = disabled;
        touch();
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        touch();
    }

    /** A new pending secret: the user is not enrolled until a code from it has been confirmed. */
    public void startOtpEnrolment(byte[] encryptedSecret) {
        otpSecretEnc = encryptedSecret;
        otpEnrolled = false;
        otpLastStep = null;
        touch();
    }

    public void signedIn(long otpStep, boolean confirmsEnrolment, Instant at) {
        otpLastStep = otpStep;
        otpEnrolled = otpEnrolled || confirmsEnrolment;
        failedSignIns = 0;
        lockedUntil = null;
        lastSignInAt = at;
    }

    private void touch() {
        updatedAt = Instant.now();
    }
}
