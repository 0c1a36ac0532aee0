package io.renlayer.admin.auth;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.db.SchemaReady;
import io.renlayer.core.config.GatewaySettings;
import io.renlayer.core.errors.ConflictException;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.errors.NotFoundException;
import io.renlayer.core.keys.Base62;
import io.renlayer.core.keys.SecretHash;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Operator tokens: the credential of the Platform API's operator plane. Named, created, rotated
 * and revoked through the API and audited; the raw value is returned once, at creation or
 * rotation, and only its hash is stored. The last working token cannot be revoked: that would
 * lock every operator out.
 */
@Stateless
public class OperatorTokenService {

    private static final Logger LOG = Logger.getLogger(OperatorTokenService.class.getName());
    static final String TOKEN_PREFIX = "rop_";

    @PersistenceContext(unitName = "renlayer")
    private EntityManager em;

    @EJB
    private AuditLog audit;

    /**
     * On the very first start, creates one operator token and prints it once. The value comes from
     * {@code RENLAYER_BOOTSTRAP_OPERATOR_TOKEN} when set, so automation knows it in advance.
     */
    public void bootstrapFirstToken(@Observes SchemaReady ready) {
        long existing = em.createNamedQuery("OperatorToken.count", Long.class).getSingleResult();
        if (existing > 0) {
            return;
        }
        Optional<String> preset = GatewaySettings.bootstrapOperatorToken();
        String raw = preset.orElseGet(OperatorTokenService::newValue);
        OperatorToken token = issue("bootstrap", raw).token();
        audit.record(null, "system", "operator_token.bootstrap", "operator_token", token.getId());
        if (preset.isPresent()) {
            LOG.info("Created the first operator token from RENLAYER_BOOTSTRAP_OPERATOR_TOKEN.");
        } else {
            // Printed exactly once, on the first start; only its hash is stored.
            LOG.warning("\n\n  RenLayer operator token (shown once, store it now): " + raw + "\n");
        }
    }

    /** A token and, this once, its value. */
    public record Issued(OperatorToken token, String value) {}

    public Issued create(String name, Actor actor) {
        actor.requireOperator();
        String checked = InvalidRequestException.requireText("name", name, 100);
        Issued issued = issue(checked, newValue());
        audit.record(
                null,
                actor.name(),
                "operator_token.create",
                "operator_token",
                issued.token().getId(),
                null,
                Map.of("name", checked));
        return issued;
    }

    public List<OperatorToken> list() {
        return em.createNamedQuery("OperatorToken.all", OperatorToken.class).getResultList();
    }

    /** A new value under the same name; the old one stops working at once. */
    public Issued rotate(UUID id, Actor actor) {
        actor.requireOperator();
        OperatorToken old = requireActive(id);
        old.revoke(Instant.now());
        Issued issued = issue(old.getName(), newValue());
        audit.record(
                null,
                actor.name(),
                "operator_token.rotate",
                "operator_token",
                issued.token().getId(),
                Map.of("replaces", old.getId().toString()),
                Map.of("name", old.getName()));
        return issued;
    }

    /** A new token of that name and value, stored as the value's hash. */
    private Issued issue(String name, String raw) {
        OperatorToken token = new OperatorToken(name, SecretHash.of(raw));
        em.persist(token);
        return new Issued(token, raw);
    }

    private static String newValue() {
        return TOKEN_PREFIX + Base62.random(40);
    }

    public void revoke(UUID id, Actor actor) {
        actor.requireOperator();
        OperatorToken token = requireActive(id);
        long active =
                em.createNamedQuery("OperatorToken.countActive", Long.class).getSingleResult();
        if (active <= 1) {
            throw new ConflictException("the last working operator token cannot be revoked; create another first");
        }
        token.revoke(Instant.now());
        audit.record(null, actor.name(), "operator_token.revoke", "operator_token", token.getId());
    }

    private OperatorToken requireActive(UUID id) {
        OperatorToken token = em.find(OperatorToken.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (token == null || token.getRevokedAt() != null) {
            throw new NotFoundException("operator_token");
        }
        return token;
    }

    /** The active token matching the presented text. */
    public Optional<OperatorToken> authenticate(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 512) {
            return Optional.empty();
        }
        return em.createNamedQuery("OperatorToken.activeByHash", OperatorToken.class)
                .setParameter("hash", SecretHash.of(presented))
                .getResultStream()
                .findFirst();
    }
}
