package io.renlayer.admin.auth;

import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.config.GatewaySettings;
import io.renlayer.admin.keys.Base62;
import io.renlayer.admin.keys.SecretHash;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;

/** Operator tokens: the credential of the Platform API until users sign in (JWT + OTP). */
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
    public void bootstrapFirstToken() {
        long existing = em.createNamedQuery("OperatorToken.count", Long.class).getSingleResult();
        if (existing > 0) {
            return;
        }
        Optional<String> preset = GatewaySettings.bootstrapOperatorToken();
        String raw = preset.orElseGet(() -> TOKEN_PREFIX + Base62.random(40));
        OperatorToken token = new OperatorToken("bootstrap", SecretHash.of(raw));
        em.persist(token);
        audit.record(null, "system", "operator_token.bootstrap", "operator_token", token.getId());
        if (preset.isPresent()) {
            LOG.info("Created the first operator token from RENLAYER_BOOTSTRAP_OPERATOR_TOKEN.");
        } else {
            // Printed exactly once, on the first start; only its hash is stored.
            LOG.warning("\n\n  RenLayer operator token (shown once, store it now): " + raw + "\n");
        }
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
