package io.renlayer.admin.policies;

import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.json.Jsonp;
import io.renlayer.core.policies.Phase;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Set;

/** A policy as an operator writes it, checked field by field; defaults: priority 100, enabled, request phase. */
public record PolicyDraft(
        String name, int priority, boolean enabled, Phase phase, JsonObject conditions, String action) {

    private static final Set<String> FIELDS = Set.of("name", "priority", "enabled", "phase", "conditions", "action");
    private static final Set<String> SHIPPED_ACTIONS = Set.of("allow", "flag", "redact", "deny", "route");

    public static PolicyDraft from(JsonObject body) {
        if (body == null) {
            throw new InvalidRequestException(null, "a JSON object is required");
        }
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field) && !field.equals("id") && !field.equals("version")) {
                throw new InvalidRequestException(field, "unknown field '" + field + "'");
            }
        }
        String name = InvalidRequestException.requireText("name", text(body, "name"), 200);
        String action = InvalidRequestException.requireText("action", text(body, "action"), 100);
        int priority = 100;
        if (body.containsKey("priority")) {
            if (!(body.get("priority") instanceof JsonNumber n)
                    || !n.isIntegral()
                    || n.longValue() < 0
                    || n.longValue() > 1_000_000) {
                throw new InvalidRequestException("priority", "priority must be a whole number from 0 to 1000000");
            }
            priority = n.intValue();
        }
        boolean enabled = true;
        if (body.containsKey("enabled")) {
            JsonValue value = body.get("enabled");
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                throw new InvalidRequestException("enabled", "enabled must be true or false");
            }
            enabled = value == JsonValue.TRUE;
        }
        Phase phase = Phase.REQUEST;
        if (body.containsKey("phase")) {
            try {
                phase = Phase.valueOf(text(body, "phase").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidRequestException("phase", "phase must be request, response or both");
            }
        }
        JsonObject conditions = JsonValue.EMPTY_JSON_OBJECT;
        if (body.containsKey("conditions") && body.get("conditions") != JsonValue.NULL) {
            if (!(body.get("conditions") instanceof JsonObject c)) {
                throw new InvalidRequestException("conditions", "conditions must be an object");
            }
            conditions = c;
        }
        String canonicalAction = isBuiltIn(action) ? action.toUpperCase(Locale.ROOT) : action;
        return new PolicyDraft(
                name,
                priority,
                enabled,
                phase,
                Jsonp.createObjectBuilder(conditions).build(),
                canonicalAction);
    }

    /** The actions the gateway ships are written in capitals, as policies always had them. */
    private static boolean isBuiltIn(String action) {
        return SHIPPED_ACTIONS.contains(action.toLowerCase(Locale.ROOT));
    }

    private static String text(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw new InvalidRequestException(field, field + " must be a string");
        }
        return s.getString();
    }
}
