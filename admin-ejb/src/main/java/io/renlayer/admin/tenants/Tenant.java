package io.renlayer.admin.tenants;

import io.renlayer.admin.limits.LimitColumns;
import io.renlayer.core.dlp.TenantDlp;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.limits.Limits;
import io.renlayer.core.tenants.PluginFailMode;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

@Entity
@Table(name = "tenants")
public class Tenant {

    public static final int DEFAULT_TRACE_RETENTION_DAYS = 30;
    public static final int MAX_TRACE_RETENTION_DAYS = 3650;

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(name = "plugin_fail_mode", nullable = false)
    private String pluginFailMode;

    @Column(name = "redis_fail_mode", nullable = false)
    private String redisFailMode = "open";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Built-in finding types this tenant does not want reported, comma-separated. */
    @Column(name = "trace_retention_days", nullable = false)
    private int traceRetentionDays = DEFAULT_TRACE_RETENTION_DAYS;

    @Column(name = "dlp_disabled_types", nullable = false)
    private String dlpDisabledTypes = "";

    @Embedded
    private LimitColumns limits = new LimitColumns();

    protected Tenant() {}

    Tenant(String name, PluginFailMode pluginFailMode) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.pluginFailMode = pluginFailMode.column();
        this.createdAt = Instant.now();
    }

    public Set<String> getDlpDisabledTypes() {
        return TenantDlp.parseTypes(dlpDisabledTypes);
    }

    public void setDlpDisabledTypes(Collection<String> types) {
        this.dlpDisabledTypes = String.join(",", new TreeSet<>(types));
    }

    /** Days a trace is kept after the day it was recorded. */
    public int getTraceRetentionDays() {
        return traceRetentionDays;
    }

    public void setTraceRetentionDays(int days) {
        if (days < 1 || days > MAX_TRACE_RETENTION_DAYS) {
            throw new InvalidRequestException(
                    "traceRetentionDays", "traceRetentionDays must be between 1 and " + MAX_TRACE_RETENTION_DAYS);
        }
        this.traceRetentionDays = days;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /** "open" (admit on local counters when Redis is away) or "closed" (refuse). */
    public String getRedisFailMode() {
        return redisFailMode;
    }

    void setRedisFailMode(String mode) {
        if (!"open".equals(mode) && !"closed".equals(mode)) {
            throw new InvalidRequestException("redisFailMode", "redisFailMode must be 'open' or 'closed'");
        }
        this.redisFailMode = mode;
    }

    void setPluginFailMode(PluginFailMode mode) {
        this.pluginFailMode = mode.column();
    }

    public PluginFailMode getPluginFailMode() {
        return PluginFailMode.ofColumn(pluginFailMode);
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
}
