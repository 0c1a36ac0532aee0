package io.renlayer.admin.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import io.renlayer.admin.access.Role;
import io.renlayer.admin.audit.AuditLog;
import io.renlayer.core.errors.Storage;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The people a provider signs in, as users of the tenant: created at their first sign-in, their
 * role set from the provider's groups at every one. A user an owner disabled here stays refused,
 * whatever the provider says.
 */
@Stateless
public class ExternalUsers {

    private static final Logger LOG = Logger.getLogger(ExternalUsers.class.getName());

    @Resource(lookup = "jdbc/renlayer")
    private DataSource dataSource;

    @EJB
    private AuditLog audit;

    /** Who a provider's verified claims name, as the tenant's user, and the role their groups give now. */
    public record Admitted(UUID userId, Person person, Role role) {}

    /**
     * The person of a provider's verified token (an API call's access token, a console sign-in's
     * ID token) as the tenant's user, created at first sight, with the strongest role their groups
     * map to, set again now.
     */
    public Admitted admit(
            UUID tenantId, UUID providerId, List<RoleMapping> mappings, String groupsClaim, JWTClaimsSet claims)
            throws SignInRefusedException {
        Role role = RoleMapping.strongest(mappings, RoleMapping.groups(claims, groupsClaim))
                .orElseThrow(() -> new SignInRefusedException(SignInRefusedException.Reason.NO_ROLE));
        Person person;
        try {
            person = Person.of(claims);
        } catch (ParseException e) {
            throw new SignInRefusedException(SignInRefusedException.Reason.TOKEN_REFUSED);
        }
        if (person.subject() == null) {
            throw new SignInRefusedException(SignInRefusedException.Reason.TOKEN_REFUSED);
        }
        UUID userId = signedIn(tenantId, providerId, person, role)
                .orElseThrow(() -> new SignInRefusedException(SignInRefusedException.Reason.USER_DISABLED));
        return new Admitted(userId, person, role);
    }

    /** The user's id, now holding {@code role}; empty when the user is disabled or cannot be created. */
    private Optional<UUID> signedIn(UUID tenantId, UUID providerId, Person person, Role role) {
        return Storage.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                Optional<Existing> existing = find(c, providerId, person.subject());
                if (existing.isEmpty()) {
                    return create(c, tenantId, providerId, person, role);
                }
                Existing user = existing.get();
                if (user.disabled()) {
                    return Optional.empty();
                }
                if (!user.role().equals(role.claim())) {
                    try (PreparedStatement ps =
                            c.prepareStatement("UPDATE renlayer.users SET role = ?, updated_at = now() WHERE id = ?")) {
                        ps.setString(1, role.claim());
                        ps.setObject(2, user.id());
                        ps.executeUpdate();
                    }
                    audit.record(
                            tenantId,
                            "identity-provider:" + providerId,
                            "user.role_from_provider",
                            "user",
                            user.id(),
                            Map.of("role", user.role()),
                            Map.of("role", role.claim()));
                }
                return Optional.of(user.id());
            }
        });
    }

    private record Existing(UUID id, String role, boolean disabled) {}

    private static Optional<Existing> find(Connection c, UUID providerId, String subject) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, role, disabled FROM renlayer.users WHERE identity_provider_id = ? AND external_subject = ?")) {
            ps.setObject(1, providerId);
            ps.setString(2, subject);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Existing(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)))
                        : Optional.empty();
            }
        }
    }

    private Optional<UUID> create(Connection c, UUID tenantId, UUID providerId, Person person, Role role)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO renlayer.users (id, tenant_id, email, display_name, role, identity_provider_id, external_subject)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            ps.setObject(1, id);
            ps.setObject(2, tenantId);
            ps.setString(3, person.email());
            ps.setString(4, person.displayName());
            ps.setString(5, role.claim());
            ps.setObject(6, providerId);
            ps.setString(7, person.subject());
            if (ps.executeUpdate() == 0) {
                // Never merged by e-mail: that would let whoever controls the provider take over a local account.
                LOG.warning("A person signed in through an identity provider with the e-mail of an existing user of"
                        + " the tenant; refused. Remove or rename the local user to let them in.");
                return find(c, providerId, person.subject()).map(Existing::id);
            }
        }
        audit.record(
                tenantId,
                "identity-provider:" + providerId,
                "user.provision",
                "user",
                id,
                null,
                Map.of("role", role.claim(), "email", person.email()));
        return Optional.of(id);
    }
}
