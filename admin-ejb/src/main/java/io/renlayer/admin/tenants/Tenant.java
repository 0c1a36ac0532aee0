package io.renlayer.admin.tenants;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tenants")
public class Tenant {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(name = "plugin_fail_mode", nullable = false)
    private String pluginFailMode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Tenant() {}

    Tenant(String name, PluginFailMode pluginFailMode) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.pluginFailMode = pluginFailMode.column();
        this.createdAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public PluginFailMode getPluginFailMode() {
        return PluginFailMode.ofColumn(pluginFailMode);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
