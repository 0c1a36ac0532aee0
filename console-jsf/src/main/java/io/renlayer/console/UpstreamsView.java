package io.renlayer.console;

import io.renlayer.admin.upstreams.Upstream;
import io.renlayer.admin.upstreams.UpstreamService;
import io.renlayer.admin.upstreams.UpstreamService.NewUpstream;
import io.renlayer.core.paging.PageRequest;
import io.renlayer.core.plugins.PluginDescriptor;
import io.renlayer.core.plugins.PluginRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The tenant's upstreams (credentials are written, never shown) and the plugins that serve them. */
@Named
@ViewScoped
public class UpstreamsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private UpstreamService upstreams;

    @Inject
    private PluginRegistry plugins;

    @Inject
    private ConsoleSession session;

    private List<Upstream> list;
    private String name;
    private String provider = "openai";
    private String baseUrl;
    private String credential;

    @PostConstruct
    void load() {
        list = upstreams
                .list(session.getTenantId(), null, PageRequest.of(PageRequest.MAX_LIMIT, null))
                .items();
    }

    public void create() {
        if (Messages.attempt(() -> upstreams.create(
                session.getTenantId(),
                new NewUpstream(name, provider, baseUrl, credential, null, null, null, null, Map.of()),
                session.actor()))) {
            Messages.info("Upstream '" + name + "' added.");
            name = null;
            baseUrl = null;
            credential = null;
            load();
        }
    }

    public List<String> getProviders() {
        return plugins.upstreamProviderIds().stream().sorted().toList();
    }

    public List<PluginDescriptor> getPlugins() {
        return plugins.describe();
    }

    public List<Upstream> getUpstreams() {
        return list;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getCredential() {
        return credential;
    }

    public void setCredential(String credential) {
        this.credential = credential;
    }
}
