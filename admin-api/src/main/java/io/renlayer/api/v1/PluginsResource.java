package io.renlayer.api.v1;

import io.renlayer.api.security.Access;
import io.renlayer.core.plugins.PluginDescriptor;
import io.renlayer.core.plugins.PluginRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Every loaded plugin, built-in and vendor: id, kind, version, vendor, source jar and health. */
@Access(Access.Level.OPERATOR)
@Path("api/v1/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PluginsResource {

    @Inject
    private PluginRegistry plugins;

    @GET
    public PluginList list() {
        return new PluginList(plugins.describe());
    }

    public record PluginList(List<PluginDescriptor> items) {}
}
