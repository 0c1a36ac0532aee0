package io.renlayer.console;

import io.renlayer.admin.plugins.TenantPluginService;
import io.renlayer.admin.plugins.TenantPluginView;
import io.renlayer.core.plugins.PluginKind;
import io.renlayer.core.plugins.PropertyDescriptor;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant's plugins, and a settings form for one of them drawn from the configuration
 * properties it declares. A secret left empty keeps its value; any other setting left empty
 * returns to the plugin's default.
 */
@Named
@ViewScoped
public class PluginsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private TenantPluginService plugins;

    @Inject
    private ConsoleSession session;

    private List<TenantPluginView> list;
    private TenantPluginView selected;
    private boolean enabled;
    private final Map<String, String> values = new HashMap<>();

    @PostConstruct
    void load() {
        list = plugins.list(session.getTenantId());
    }

    public void select(TenantPluginView plugin) {
        selected = plugin;
        enabled = plugin.enabled();
        values.clear();
        values.putAll(plugin.settings()); // secrets are never shown: their fields start empty
    }

    public void save() {
        Map<String, String> changes = new HashMap<>();
        for (PropertyDescriptor property : selected.configProperties()) {
            String value = values.get(property.name());
            boolean empty = value == null || value.isEmpty();
            if (property.secret() && empty) {
                continue; // keeps the stored secret
            }
            changes.put(property.name(), empty ? null : value);
        }
        PluginKind kind = PluginKind.ofPath(selected.kind()).orElseThrow();
        String id = selected.id();
        if (Messages.attempt(
                () -> selected = plugins.put(session.getTenantId(), kind, id, enabled, changes, session.actor()))) {
            Messages.info(
                    "Settings of " + selected.kind() + "/" + id + " saved; they apply on every node within a second.");
            select(selected);
            load();
        }
    }

    public boolean secretSet(String name) {
        return selected != null && selected.secretsSet().contains(name);
    }

    public List<TenantPluginView> getPlugins() {
        return list;
    }

    public TenantPluginView getSelected() {
        return selected;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Map<String, String> getValues() {
        return values;
    }
}
