package io.renlayer.admin.agents;

import io.renlayer.admin.limits.LimitColumns;
import io.renlayer.core.limits.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Entity
@Table(name = "agents")
@NamedQuery(name = "Agent.byTenantAndId", query = "select a from Agent a where a.tenantId = :tenantId and a.id = :id")
@NamedQuery(
        name = "Agent.countByTenantAndName",
        query = "select count(a) from Agent a where a.tenantId = :tenantId and a.name = :name")
public class Agent {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "project_id")
    private UUID projectId;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    private LimitColumns limits = new LimitColumns();

    /** Comma-separated tool patterns; see {@link io.renlayer.core.keys.KeyScopes}. */
    @Column(name = "allowed_tools", nullable = false)
    private String allowedTools = "*";

    protected Agent() {}

    /** What the audit log records of an agent. */
    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        state.put("projectId", projectId == null ? null : projectId.toString());
        state.put("limits", getLimits());
        state.put("allowedTools", getAllowedTools());
        return state;
    }

    Agent(UUID tenantId, String name) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.createdAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    void setProjectId(UUID projectId) {
        this.projectId = projectId;
    }

    public UUID getProjectId() {
        return projectId;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Limits getLimits() {
        return LimitColumns.read(limits);
    }

    void setLimits(Limits limits) {
        this.limits = LimitColumns.of(limits);
    }

    /** The MCP tools this agent may list and call. */
    public List<String> getAllowedTools() {
        return allowedTools.isEmpty() ? List.of() : List.of(allowedTools.split(","));
    }

    void setAllowedTools(List<String> patterns) {
        this.allowedTools = String.join(",", patterns);
    }
}
