package io.renlayer.admin.dlp;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.tenants.Tenant;
import io.renlayer.admin.tenants.TenantService;
import io.renlayer.core.dlp.TenantDlp;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.runtime.Change;
import io.renlayer.core.runtime.ChangeFeed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Which built-in finding types a tenant switched off; the proxy hears of a change within a second. */
@Stateless
public class DlpSettingsService {

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    @PersistenceContext(unitName = "renlayer")
    private EntityManager em;

    @EJB
    private TenantService tenants;

    @EJB
    private AuditLog audit;

    public Set<String> disabledTypes(UUID tenantId) {
        return tenants.require(tenantId).getDlpDisabledTypes();
    }

    public Set<String> disable(UUID tenantId, List<String> types, Actor actor) {
        actor.requireMayChange(tenantId);
        if (types == null) {
            throw new InvalidRequestException("disabledTypes", "disabledTypes is required (an empty list enables all)");
        }
        for (String type : types) {
            if (type == null || !TYPE.matcher(type).matches() || TenantDlp.CUSTOM.equals(type)) {
                throw new InvalidRequestException(
                        "disabledTypes",
                        "each entry must be a finding type such as IP_ADDRESS (CUSTOM rules are disabled one by one)");
            }
        }
        Tenant tenant = tenants.require(tenantId);
        Set<String> before = tenant.getDlpDisabledTypes();
        tenant.setDlpDisabledTypes(types);
        em.flush();
        em.createNativeQuery("SELECT pg_notify(?1, ?2)")
                .setParameter(1, ChangeFeed.CHANNEL)
                .setParameter(2, Change.Topic.DLP_RULES.payload(tenantId))
                .getSingleResult();
        audit.record(
                tenantId,
                actor.name(),
                "dlp_settings.update",
                "tenant",
                tenantId,
                Map.of("disabledTypes", before),
                Map.of("disabledTypes", tenant.getDlpDisabledTypes()));
        return tenant.getDlpDisabledTypes();
    }
}
