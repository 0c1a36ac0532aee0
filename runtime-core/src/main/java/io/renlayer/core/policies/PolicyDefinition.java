package io.renlayer.core.policies;

import io.renlayer.core.json.Jsonp;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/** A policy as stored and as the API shows it; {@code action} is a built-in name or a plugin id. */
public record PolicyDefinition(
        UUID id,
        UUID tenantId,
        String name,
        int priority,
        boolean enabled,
        Phase phase,
        JsonObject conditions,
        String action,
        int version,
        Instant updatedAt) {

    public JsonObject toJson() {
        return Jsonp.createObjectBuilder()
                .add("id", id.toString())
                .add("tenantId", tenantId.toString())
                .add("name", name)
                .add("priority", priority)
                .add("enabled", enabled)
                .add("phase", phase.wire())
                .add("conditions", conditions)
                .add("action", action)
                .add("version", version)
                .add("updatedAt", updatedAt.toString())
                .build();
    }
}
