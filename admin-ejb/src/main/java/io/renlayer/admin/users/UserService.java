package io.renlayer.admin.users;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.access.Role;
import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.jpa.JpaPages;
import io.renlayer.admin.jpa.TenantRows;
import io.renlayer.admin.tenants.TenantService;
import io.renlayer.core.errors.ConflictException;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.paging.Page;
import io.renlayer.core.paging.PageRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The users of one tenant. A tenant always keeps at least one enabled owner. An e-mail is unique
 * within the tenant; another tenant may have a user of the same e-mail, and nothing here says so.
 */
@Stateless
public class UserService {

    static final int MIN_PASSWORD_LENGTH = 12;

    @PersistenceContext(unitName = "renlayer")
    private EntityManager em;

    @EJB
    private TenantService tenants;

    @EJB
    private AuditLog audit;

    public PlatformUser create(UUID tenantId, NewUser request, Actor actor) {
        actor.requireMayManageUsers(tenantId);
        tenants.require(tenantId);
        String email = checkEmail(request.email());
        Role role = Role.parse("role", request.role());
        String hash = PasswordHasher.hash(checkPassword(request.password()));
        if (!em.createNamedQuery("PlatformUser.byTenantAndEmail", PlatformUser.class)
                .setParameter("tenantId", tenantId)
                .setParameter("email", email)
                .getResultList()
                .isEmpty()) {
            throw new ConflictException("a user with e-mail '" + email + "' already exists in this tenant");
        }
        PlatformUser user =
                new PlatformUser(tenantId, email, optionalText("displayName", request.displayName()), role, hash);
        em.persist(user);
        audit.record(tenantId, actor.name(), "user.create", "user", user.getId(), null, user.auditState());
        return user;
    }

    public Page<PlatformUser> list(UUID tenantId, String role, PageRequest page) {
        tenants.require(tenantId);
        Map<String, Object> params = new HashMap<>();
        String filter = null;
        if (role != null) {
            filter = "e.role = :role";
            params.put("role", Role.parse("role", role).claim());
        }
        return JpaPages.page(
                em,
                PlatformUser.class,
                tenantId,
                filter,
                params,
                page,
                PlatformUser::getCreatedAt,
                PlatformUser::getId);
    }

    public PlatformUser require(UUID tenantId, UUID userId) {
        return TenantRows.require(em, PlatformUser.class, tenantId, userId, "user");
    }

    /**
     * The user's role as it is now, for every request a signed-in user makes: empty once the user
     * is deleted or disabled (or is not of this tenant). A role or state change therefore applies
     * on the next request, on every server, whatever the user's token or session still says.
     */
    public Optional<Role> currentRole(UUID tenantId, UUID userId) {
        PlatformUser user = em.find(PlatformUser.class, userId);
        if (user == null || user.isDisabled() || !user.getTenantId().equals(tenantId)) {
            return Optional.empty();
        }
        return Optional.of(user.getRole());
    }

    /** Changes display name, role, disabled flag or password; what the request leaves out stays. */
    public PlatformUser update(UUID tenantId, UUID userId, NewUser change, Actor actor) {
        actor.requireMayManageUsers(tenantId);
        PlatformUser user = require(tenantId, userId);
        Map<String, Object> before = user.auditState();
        if (change.email() != null) {
            throw new InvalidRequestException("email", "the e-mail of a user cannot change; create another user");
        }
        if (change.displayName() != null) {
            user.setDisplayName(optionalText("displayName", change.displayName()));
        }
        boolean losesOwner = false;
        if (change.role() != null) {
            Role role = Role.parse("role", change.role());
            losesOwner = user.getRole() == Role.OWNER && role != Role.OWNER;
            user.setRole(role);
        }
        if (change.disabled() != null) {
            losesOwner |= user.getRole() == Role.OWNER && change.disabled() && !user.isDisabled();
            user.setDisabled(change.disabled());
        }
        if (change.password() != null) {
            user.setPasswordHash(PasswordHasher.hash(checkPassword(change.password())));
        }
        if (losesOwner) {
            requireAnotherOwner(tenantId);
        }
        audit.record(tenantId, actor.name(), "user.update", "user", userId, before, user.auditState());
        return user;
    }

    /** Drops the user's authenticator: the next sign-in enrols a new one. */
    public PlatformUser resetOtp(UUID tenantId, UUID userId, Actor actor) {
        actor.requireMayManageUsers(tenantId);
        PlatformUser user = require(tenantId, userId);
        Map<String, Object> before = user.auditState();
        user.startOtpEnrolment(null);
        audit.record(tenantId, actor.name(), "user.reset_otp", "user", userId, before, user.auditState());
        return user;
    }

    public void delete(UUID tenantId, UUID userId, Actor actor) {
        actor.requireMayManageUsers(tenantId);
        PlatformUser user = require(tenantId, userId);
        Map<String, Object> before = user.auditState();
        em.remove(user);
        if (user.getRole() == Role.OWNER) {
            requireAnotherOwner(tenantId);
        }
        audit.record(tenantId, actor.name(), "user.delete", "user", userId, before, null);
    }

    private void requireAnotherOwner(UUID tenantId) {
        em.flush();
        long owners = em.createNamedQuery("PlatformUser.countOwners", Long.class)
                .setParameter("tenantId", tenantId)
                .setParameter("role", Role.OWNER.claim())
                .getSingleResult();
        if (owners == 0) {
            throw new ConflictException("a tenant must keep at least one enabled owner");
        }
    }

    static String checkEmail(String value) {
        String email = InvalidRequestException.requireText("email", value, 254);
        int at = email.indexOf('@');
        if (at < 1
                || at != email.lastIndexOf('@')
                || at == email.length() - 1
                || email.chars().anyMatch(Character::isWhitespace)
                || email.indexOf('.', at) < 0) {
            throw new InvalidRequestException("email", "email must be an e-mail address");
        }
        return email;
    }

    static char[] checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidRequestException(
                    "password", "password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 1024) {
            throw new InvalidRequestException("password", "password must be at most 1024 characters");
        }
        return password.toCharArray();
    }

    private static String optionalText(String field, String value) {
        return value == null || value.isBlank() ? null : InvalidRequestException.requireText(field, value, 200);
    }
}
