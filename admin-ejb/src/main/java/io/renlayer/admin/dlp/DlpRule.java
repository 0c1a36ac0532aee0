package io.renlayer.admin.dlp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's own detector: a regular expression (RE2 syntax) or a list of keywords. Its findings
 * are of type CUSTOM and carry the rule's name.
 */
@Entity
@Table(name = "dlp_rules")
@NamedQuery(
        name = "DlpRule.enabledOfTenant",
        query = "select r from DlpRule r where r.tenantId = :tenantId and r.enabled = true order by r.name")
@NamedQuery(
        name = "DlpRule.countByTenantAndName",
        query = "select count(r) from DlpRule r where r.tenantId = :tenantId and r.name = :name")
public class DlpRule {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String kind;

    private String pattern;

    /** Newline-separated; keywords cannot contain newlines. */
    private String keywords;

    @Column(name = "case_sensitive", nullable = false)
    private boolean caseSensitive;

    @Column(nullable = false)
    private String redaction;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DlpRule() {}

    DlpRule(UUID tenantId, String name) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void define(String kind, String pattern, List<String> keywords, boolean caseSensitive, String redaction) {
        this.kind = kind;
        this.pattern = pattern;
        this.keywords = keywords == null ? null : String.join("\n", keywords);
        this.caseSensitive = caseSensitive;
        this.redaction = redaction;
        this.updatedAt = Instant.now();
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
        this.updatedAt = Instant.now();
    }

    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        state.put("kind", kind);
        state.put("pattern", pattern);
        state.put("keywords", getKeywords());
        state.put("caseSensitive", caseSensitive);
        state.put("redaction", redaction);
        state.put("enabled", enabled);
        return state;
    }

    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public String getName() {
        return name;
    }

    public String getKind() {
        return kind;
    }

    public String getPattern() {
        return pattern;
    }

    public List<String> getKeywords() {
        return keywords == null ? null : Arrays.asList(keywords.split("\n"));
    }

    public boolean isCaseSensitive() {
        return caseSensitive;
    }

    public String getRedaction() {
        return redaction;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
