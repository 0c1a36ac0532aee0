package io.renlayer.admin.plugins;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.tenants.TenantService;
import io.renlayer.core.crypto.MasterKeyProvider;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.errors.NotFoundException;
import io.renlayer.core.errors.Storage;
import io.renlayer.core.plugins.PluginDescriptor;
import io.renlayer.core.plugins.PluginKind;
import io.renlayer.core.plugins.PluginRegistry;
import io.renlayer.core.plugins.PluginSet;
import io.renlayer.core.plugins.PluginSettingsCheck;
import io.renlayer.core.plugins.TenantPluginConfig;
import io.renlayer.core.plugins.TenantPluginRows;
import io.renlayer.core.plugins.TenantPlugins;
import io.renlayer.core.policies.PolicyActions;
import io.renlayer.core.policies.PolicyCompiler;
import io.renlayer.core.policies.PolicyDefinition;
import io.renlayer.core.policies.PolicyRows;
import io.renlayer.spi.config.ConfigProperty;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Which plugins run for a tenant and with what settings. Settings are checked against the
 * plugin's configuration properties; secret ones are stored encrypted and never shown again;
 * every change is audited (names of settings, never their values) and reaches the gateways
 * through the change feed (trigger {@code tenant_plugins_changed}).
 */
@Stateless
public class TenantPluginService {

    @Resource(lookup = "jdbc/renlayer")
    private DataSource dataSource;

    @Inject
    private PluginRegistry plugins;

    @Inject
    private MasterKeyProvider masterKey;

    @EJB
    private TenantService tenants;

    @EJB
    private AuditLog audit;

    /** What the tenant configured, secrets decrypted: for compiling its policies. */
    public TenantPlugins configs(UUID tenantId) {
        return Storage.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return TenantPluginRows.ofTenant(c, tenantId, masterKey.cipher());
            }
        });
    }

    /** Every loaded plugin, as the tenant has it. */
    public List<TenantPluginView> list(UUID tenantId) {
        tenants.require(tenantId);
        TenantPlugins configured = configs(tenantId);
        PluginSet set = plugins.current();
        return set.describe().stream().map(p -> view(set, p, configured)).toList();
    }

    public TenantPluginView get(UUID tenantId, PluginKind kind, String pluginId) {
        tenants.require(tenantId);
        PluginSet set = plugins.current();
        return view(set, describe(set, kind, pluginId), configs(tenantId));
    }

    /**
     * Switches the plugin on or off for the tenant and sets the settings given: a setting left out
     * keeps its value, one given as null or empty loses it.
     */
    public TenantPluginView put(
            UUID tenantId,
            PluginKind kind,
            String pluginId,
            Boolean enabled,
            Map<String, String> settings,
            Actor actor) {
        actor.requireMayChange(tenantId);
        tenants.require(tenantId);
        PluginSet set = plugins.current();
        PluginDescriptor plugin = describe(set, kind, pluginId);
        Map<String, String> given = settings == null ? Map.of() : settings;
        List<ConfigProperty> properties = set.configProperties(kind, pluginId);
        PluginSettingsCheck.validate(properties, given);
        TenantPlugins before = configs(tenantId);
        TenantPluginConfig current =
                before.config(kind, pluginId).orElse(new TenantPluginConfig(kind, pluginId, true, Map.of(), Map.of()));
        Map<String, String> plain = new TreeMap<>(current.settings());
        Map<String, String> secret = new TreeMap<>(current.secrets());
        for (ConfigProperty property : properties) {
            if (!given.containsKey(property.name())) {
                continue;
            }
            String value = given.get(property.name());
            Map<String, String> target = property.isSecret() ? secret : plain;
            if (value == null || value.isEmpty()) {
                target.remove(property.name());
            } else {
                target.put(property.name(), value);
            }
        }
        TenantPluginConfig next =
                new TenantPluginConfig(kind, pluginId, enabled == null ? current.enabled() : enabled, plain, secret);
        if (kind == PluginKind.POLICY_ACTION) {
            checkPoliciesStillCompile(tenantId, set, before, next);
        }
        Storage.run(() -> {
            try (Connection c = dataSource.getConnection()) {
                TenantPluginRows.upsert(c, tenantId, next, masterKey.cipher());
            }
        });
        audit.record(
                tenantId,
                actor.name(),
                "tenant_plugin.update",
                "plugin",
                kind.path() + "/" + pluginId,
                Map.of(
                        "enabled",
                        current.enabled(),
                        "settings",
                        current.settings().keySet(),
                        "secrets",
                        current.secrets().keySet()),
                Map.of(
                        "enabled",
                        next.enabled(),
                        "settings",
                        next.settings().keySet(),
                        "secrets",
                        next.secrets().keySet()));
        return view(set, plugin, withConfig(before, next));
    }

    /** Forgets the tenant's configuration: the plugin runs with its defaults again. */
    public void reset(UUID tenantId, PluginKind kind, String pluginId, Actor actor) {
        actor.requireMayChange(tenantId);
        tenants.require(tenantId);
        PluginSet set = plugins.current();
        describe(set, kind, pluginId);
        TenantPlugins before = configs(tenantId);
        if (kind == PluginKind.POLICY_ACTION) {
            checkPoliciesStillCompile(
                    tenantId, set, before, new TenantPluginConfig(kind, pluginId, true, Map.of(), Map.of()));
        }
        boolean removed = Storage.call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return TenantPluginRows.delete(c, tenantId, kind, pluginId);
            }
        });
        if (removed) {
            audit.record(tenantId, actor.name(), "tenant_plugin.reset", "plugin", kind.path() + "/" + pluginId);
        }
    }

    /** A change that would leave one of the tenant's enabled policies without a usable action is refused. */
    private void checkPoliciesStillCompile(
            UUID tenantId, PluginSet set, TenantPlugins before, TenantPluginConfig next) {
        PolicyActions actions = new PolicyActions(set, withConfig(before, next), plugins.budget());
        List<PolicyDefinition> policies = Storage.call(() -> PolicyRows.ofTenant(dataSource, tenantId, true));
        for (PolicyDefinition policy : policies) {
            if (!policy.action().equalsIgnoreCase(next.pluginId())) {
                continue;
            }
            try {
                PolicyCompiler.compile(policy, actions);
            } catch (InvalidRequestException e) {
                throw new InvalidRequestException(
                        "settings",
                        "policy '" + policy.name() + "' uses this action and would stop working: " + e.getMessage());
            }
        }
    }

    private static TenantPlugins withConfig(TenantPlugins before, TenantPluginConfig next) {
        List<TenantPluginConfig> all = new ArrayList<>();
        before.all().stream()
                .filter(c -> !(c.kind() == next.kind() && c.pluginId().equals(next.pluginId())))
                .forEach(all::add);
        all.add(next);
        return new TenantPlugins(all);
    }

    private static PluginDescriptor describe(PluginSet set, PluginKind kind, String pluginId) {
        return set.describe().stream()
                .filter(p -> p.kind() == kind && p.id().equals(pluginId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(kind.path() + " plugin '" + pluginId + "'"));
    }

    private static TenantPluginView view(PluginSet set, PluginDescriptor plugin, TenantPlugins configured) {
        TenantPluginConfig config = configured
                .config(plugin.kind(), plugin.id())
                .orElse(new TenantPluginConfig(plugin.kind(), plugin.id(), true, Map.of(), Map.of()));
        List<String> missing =
                PluginSettingsCheck.missing(set.configProperties(plugin.kind(), plugin.id()), config.values());
        return new TenantPluginView(
                plugin.kind().path(),
                plugin.id(),
                plugin.version(),
                plugin.vendor(),
                config.enabled(),
                config.enabled() && missing.isEmpty(),
                new TreeMap<>(config.settings()),
                config.secrets().keySet().stream().sorted().toList(),
                missing,
                plugin.configProperties());
    }
}
