package io.renlayer.api.v1;

import io.renlayer.admin.plugins.TenantPluginService;
import io.renlayer.admin.plugins.TenantPluginView;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.errors.NotFoundException;
import io.renlayer.core.plugins.PluginKind;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's plugins: every loaded detector, action and provider as this tenant has it, and
 * {@code PUT …/plugins/{detectors|actions|providers}/{pluginId}} with
 * {@code {"enabled":true,"settings":{"opens":"8"}}} to switch one on or off and configure it. A
 * setting left out keeps its value; null clears it. Secret settings are never returned.
 */
@Path("api/v1/tenants/{tenantId}/plugins")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TenantPluginsResource {

    @EJB
    private TenantPluginService plugins;

    @Context
    private SecurityContext caller;

    @PathParam("tenantId")
    private UUID tenantId;

    @GET
    public PluginList list() {
        return new PluginList(plugins.list(tenantId));
    }

    @GET
    @Path("{kind}/{pluginId}")
    public TenantPluginView get(@PathParam("kind") String kind, @PathParam("pluginId") String pluginId) {
        return plugins.get(tenantId, kind(kind), pluginId);
    }

    @PUT
    @Path("{kind}/{pluginId}")
    public TenantPluginView put(
            @PathParam("kind") String kind, @PathParam("pluginId") String pluginId, JsonObject body) {
        JsonObject request = Requests.required(body);
        Boolean enabled = null;
        JsonValue enabledValue = request.get("enabled");
        if (enabledValue == JsonValue.TRUE || enabledValue == JsonValue.FALSE) {
            enabled = enabledValue == JsonValue.TRUE;
        } else if (enabledValue != null && enabledValue != JsonValue.NULL) {
            throw new InvalidRequestException("enabled", "enabled must be true or false");
        }
        return plugins.put(tenantId, kind(kind), pluginId, enabled, settings(request), Requests.actor(caller));
    }

    @DELETE
    @Path("{kind}/{pluginId}")
    public Response reset(@PathParam("kind") String kind, @PathParam("pluginId") String pluginId) {
        plugins.reset(tenantId, kind(kind), pluginId, Requests.actor(caller));
        return Response.noContent().build();
    }

    private static PluginKind kind(String path) {
        return PluginKind.ofPath(path)
                .orElseThrow(() -> new NotFoundException("plugin kind '" + path + "' (detectors, actions, providers)"));
    }

    /** Settings are strings; a number or a boolean is taken as its text, null clears the setting. */
    private static Map<String, String> settings(JsonObject request) {
        JsonValue value = request.get("settings");
        if (value == null || value == JsonValue.NULL) {
            return Map.of();
        }
        if (!(value instanceof JsonObject object)) {
            throw new InvalidRequestException("settings", "settings must be an object of names to values");
        }
        Map<String, String> settings = new HashMap<>();
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            JsonValue v = e.getValue();
            String text = switch (v.getValueType()) {
                case STRING -> ((JsonString) v).getString();
                case NUMBER -> ((JsonNumber) v).toString();
                case TRUE -> "true";
                case FALSE -> "false";
                case NULL -> null;
                default ->
                    throw new InvalidRequestException(
                            "settings." + e.getKey(), "a setting is a string, a number, true, false or null");
            };
            settings.put(e.getKey(), text);
        }
        return settings;
    }

    public record PluginList(List<TenantPluginView> items) {}
}
