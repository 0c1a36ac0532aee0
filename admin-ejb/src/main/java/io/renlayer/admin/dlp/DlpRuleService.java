package io.renlayer.admin.dlp;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.renlayer.admin.access.Actor;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Tenant DLP rules. Patterns must compile under RE2 (linear-time matching, so no rule can stall
 * the proxy): back-references and look-around are refused when the rule is saved, naming the field.
 */
@Stateless
public class DlpRuleService {

    static final int MAX_PATTERN = 1_000;
    static final int MAX_KEYWORDS = 1_000;
    private static final Set<String> KINDS = Set.of("regex", "keywords");
    private static final Set<String> REDACTIONS = Set.of("token", "mask", "hash");
    private static final java.util.regex.Pattern NAME =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}");

    @PersistenceContext(unitName = "renlayer")
    private EntityManager em;

    @EJB
    private TenantService tenants;

    @EJB
    private AuditLog audit;

    public DlpRule create(UUID tenantId, DlpRuleDraft draft, Actor actor) {
        actor.requireMayChange(tenantId);
        tenants.require(tenantId);
        String name = InvalidRequestException.requireText("name", draft.name(), 100);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidRequestException(
                    "name", "name must be letters, digits, spaces, '_', '.' or '-' (at most 100)");
        }
        long taken = em.createNamedQuery("DlpRule.countByTenantAndName", Long.class)
                .setParameter("tenantId", tenantId)
                .setParameter("name", name)
                .getSingleResult();
        if (taken > 0) {
            throw new ConflictException("a DLP rule named '" + name + "' already exists");
        }
        DlpRule rule = new DlpRule(tenantId, name);
        define(rule, draft, true);
        if (draft.enabled() != null) {
            rule.setEnabled(draft.enabled());
        }
        em.persist(rule);
        audit.record(tenantId, actor.name(), "dlp_rule.create", "dlp_rule", rule.getId(), null, rule.auditState());
        return rule;
    }

    public Page<DlpRule> list(UUID tenantId, String kind, PageRequest page) {
        tenants.require(tenantId);
        return JpaPages.page(
                em,
                DlpRule.class,
                tenantId,
                kind == null ? null : "e.kind = :kind",
                kind == null ? Map.of() : Map.of("kind", kind),
                page,
                DlpRule::getCreatedAt,
                DlpRule::getId);
    }

    /** The enabled rules of a tenant, for its detectors. */
    public List<DlpRule> enabled(UUID tenantId) {
        return em.createNamedQuery("DlpRule.enabledOfTenant", DlpRule.class)
                .setParameter("tenantId", tenantId)
                .getResultList();
    }

    public DlpRule require(UUID tenantId, UUID ruleId) {
        return TenantRows.require(em, DlpRule.class, tenantId, ruleId, "dlp_rule");
    }

    public DlpRule update(UUID tenantId, UUID ruleId, DlpRuleDraft change, Actor actor) {
        actor.requireMayChange(tenantId);
        DlpRule rule = require(tenantId, ruleId);
        Map<String, Object> before = rule.auditState();
        if (change.name() != null && !change.name().strip().equals(rule.getName())) {
            throw new InvalidRequestException("name", "a rule cannot be renamed; create another one");
        }
        define(rule, change, false);
        if (change.enabled() != null) {
            rule.setEnabled(change.enabled());
        }
        audit.record(tenantId, actor.name(), "dlp_rule.update", "dlp_rule", ruleId, before, rule.auditState());
        return rule;
    }

    public void delete(UUID tenantId, UUID ruleId, Actor actor) {
        actor.requireMayChange(tenantId);
        DlpRule rule = require(tenantId, ruleId);
        em.remove(rule);
        audit.record(tenantId, actor.name(), "dlp_rule.delete", "dlp_rule", ruleId, rule.auditState(), null);
    }

    private static void define(DlpRule rule, DlpRuleDraft d, boolean creating) {
        String kind = d.kind() != null ? d.kind().strip() : rule.getKind();
        if (kind == null) {
            kind = d.keywords() != null ? "keywords" : "regex";
        }
        if (!KINDS.contains(kind)) {
            throw new InvalidRequestException("kind", "kind must be regex or keywords");
        }
        boolean caseSensitive = d.caseSensitive() != null ? d.caseSensitive() : !creating && rule.isCaseSensitive();
        String redaction = d.redaction() != null ? d.redaction().strip() : creating ? "token" : rule.getRedaction();
        if (!REDACTIONS.contains(redaction)) {
            throw new InvalidRequestException("redaction", "redaction must be token, mask or hash");
        }
        if (kind.equals("regex")) {
            String pattern = d.pattern() != null ? d.pattern() : rule.getPattern();
            rule.define(kind, checkPattern(pattern, caseSensitive), null, caseSensitive, redaction);
        } else {
            List<String> keywords = d.keywords() != null ? d.keywords() : rule.getKeywords();
            rule.define(kind, null, checkKeywords(keywords), caseSensitive, redaction);
        }
    }

    /** The pattern if RE2 accepts it and it cannot match the empty string. */
    static String checkPattern(String pattern, boolean caseSensitive) {
        if (pattern == null || pattern.isEmpty()) {
            throw new InvalidRequestException("pattern", "a regex rule needs a pattern");
        }
        if (pattern.length() > MAX_PATTERN) {
            throw new InvalidRequestException("pattern", "pattern must be at most " + MAX_PATTERN + " characters");
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new InvalidRequestException(
                    "pattern",
                    "pattern is not valid RE2 syntax (no back-references or" + " look-around): " + e.getDescription());
        }
        if (compiled.matches("")) {
            throw new InvalidRequestException("pattern", "pattern must not match the empty string");
        }
        return pattern;
    }

    static List<String> checkKeywords(List<String> keywords) {
        if (keywords == null || keywords.isEmpty()) {
            throw new InvalidRequestException("keywords", "a keywords rule needs at least one keyword");
        }
        if (keywords.size() > MAX_KEYWORDS) {
            throw new InvalidRequestException("keywords", "at most " + MAX_KEYWORDS + " keywords");
        }
        for (String keyword : keywords) {
            if (keyword == null || keyword.isBlank() || keyword.length() > 200 || keyword.contains("\n")) {
                throw new InvalidRequestException("keywords", "each keyword must be 1 to 200 characters on one line");
            }
        }
        return List.copyOf(keywords);
    }
}
