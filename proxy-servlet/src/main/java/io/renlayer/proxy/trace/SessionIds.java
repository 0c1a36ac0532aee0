package io.renlayer.proxy.trace;

import io.renlayer.core.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/**
 * Which session a call belongs to: the caller's {@code x-session-id}, else the MCP session, else
 * the conversation the body names (OpenAI Responses {@code conversation}, or
 * {@code metadata.session_id} / {@code metadata.conversation_id}).
 */
public final class SessionIds {

    static final int MAX_LENGTH = 200;

    private SessionIds() {}

    /** @param body the request body, or null when it is known to name no session */
    public static String of(Map<String, String> headers, CharSequence body) {
        String header = headers.get("x-session-id");
        if (header == null) {
            header = headers.get("mcp-session-id");
        }
        if (header != null && !header.isBlank()) {
            return bounded(header.strip());
        }
        if (body == null || body.isEmpty() || body.charAt(0) != '{') {
            return null;
        }
        String text = body.toString();
        return namesASession(text) ? fromBody(text) : null;
    }

    /** Most bodies name no session: finding that out must not cost a parse of the whole prompt. */
    private static boolean namesASession(String body) {
        return body.contains("\"conversation\"") || body.contains("\"metadata\"");
    }

    private static String fromBody(String body) {
        JsonObject json;
        try (JsonReader reader = Jsonp.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (
                RuntimeException notJson) { // also Parsson's refusal of nesting past its limit, a bare RuntimeException
            return null;
        }
        JsonValue conversation = json.get("conversation");
        if (conversation instanceof JsonString s) {
            return bounded(s.getString());
        }
        if (conversation instanceof JsonObject o && o.get("id") instanceof JsonString id) {
            return bounded(id.getString());
        }
        if (json.get("metadata") instanceof JsonObject metadata) {
            for (String name : new String[] {"session_id", "conversation_id"}) {
                if (metadata.get(name) instanceof JsonString s) {
                    return bounded(s.getString());
                }
            }
        }
        return null;
    }

    private static String bounded(String id) {
        return id.isBlank() ? null : id.length() > MAX_LENGTH ? id.substring(0, MAX_LENGTH) : id;
    }
}
