package io.renlayer.api.v1;

import io.renlayer.api.security.Access;
import io.renlayer.core.plugins.PluginDescriptor;
import io.renlayer.core.plugins.PluginRegistry;
import io.renlayer.core.plugins.PluginSet;
import io.renlayer.core.plugins.RefusedJar;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Every loaded plugin, built-in and vendor (id, kind, version, vendor, source jar, configuration
 * properties and health), and every jar in the plugins directory the gateway refused, with why.
 */
@Access(Access.Level.OPERATOR)
@Path("api/v1/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PluginsResource {

    @Inject
    private PluginRegistry plugins;

    @GET
    public PluginList list() {
        PluginSet set = plugins.current();
        return new PluginList(set.describe(), set.refused());
    }

    public record PluginList(List<PluginDescriptor> items, List<RefusedJar> refused) {}
}
