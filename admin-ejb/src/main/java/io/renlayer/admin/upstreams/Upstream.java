package io.renlayer.admin.upstreams;

import io.renlayer.core.upstreams.UpstreamSettings;
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

/** A provider endpoint a tenant forwards to. The credential is only held encrypted. */
@Entity
@Table(name = "upstreams")
@NamedQuery(
        name = "Upstream.countByTenantAndName",
        query = "select count(u) from Upstream u where u.tenantId = :tenantId and u.name = :name")
public class Upstream {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String provider;

    @Column(name = "base_url", nullable = false)
    private String baseUrl;

    @Column(name = "credential_enc", nullable = false)
    private byte[] credentialEncrypted;

    /** Comma-separated; model names never contain commas. */
    @Column(nullable = false)
    private String models;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "connect_timeout_ms", nullable = false)
    private int connectTimeoutMs = 10_000;

    @Column(name = "read_timeout_ms", nullable = false)
    private int readTimeoutMs = 120_000;

    @Column(name = "fallback_upstream_id")
    private UUID fallbackUpstreamId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Provider settings as JSON (see {@link UpstreamSettings}). */
    @Column(nullable = false)
    private String settings = "{}";

    protected Upstream() {}

    Upstream(
            UUID tenantId,
            String name,
            String provider,
            String baseUrl,
            byte[] credentialEncrypted,
            List<String> models) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.provider = provider;
        this.baseUrl = baseUrl;
        this.credentialEncrypted = credentialEncrypted;
        this.models = String.join(",", models);
        this.enabled = true;
        this.createdAt = Instant.now();
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

    public String getProvider() {
        return provider;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public List<String> getModels() {
        return List.copyOf(Arrays.asList(models.split(",")));
    }

    /** What the audit log records of an upstream: never the credential. */
    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        state.put("provider", provider);
        state.put("baseUrl", baseUrl);
        state.put("models", models);
        state.put("enabled", enabled);
        state.put("connectTimeoutMs", connectTimeoutMs);
        state.put("readTimeoutMs", readTimeoutMs);
        state.put("settings", getSettings());
        state.put("fallbackUpstreamId", fallbackUpstreamId == null ? null : fallbackUpstreamId.toString());
        return state;
    }

    public Map<String, String> getSettings() {
        return UpstreamSettings.parse(settings);
    }

    void setSettings(Map<String, String> settings) {
        this.settings = UpstreamSettings.format(settings);
    }

    void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    void setModels(List<String> models) {
        this.models = String.join(",", models);
    }

    void setCredentialEncrypted(byte[] credentialEncrypted) {
        this.credentialEncrypted = credentialEncrypted;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void setResilience(Integer connectTimeoutMs, Integer readTimeoutMs, UUID fallbackUpstreamId) {
        if (connectTimeoutMs != null) {
            this.connectTimeoutMs = connectTimeoutMs;
        }
        if (readTimeoutMs != null) {
            this.readTimeoutMs = readTimeoutMs;
        }
        this.fallbackUpstreamId = fallbackUpstreamId;
    }

    public int getConnectTimeoutMs() {
        return connectTimeoutMs;
    }

    public int getReadTimeoutMs() {
        return readTimeoutMs;
    }

    public UUID getFallbackUpstreamId() {
        return fallbackUpstreamId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
