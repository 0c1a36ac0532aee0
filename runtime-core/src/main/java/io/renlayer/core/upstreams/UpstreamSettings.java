package io.renlayer.core.upstreams;

import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.json.Jsonp;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** An upstream's provider settings: a flat JSON object of strings, stored as text. */
public final class UpstreamSettings {

    private UpstreamSettings() {}

    public static Map<String, String> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
            Map<String, String> settings = new LinkedHashMap<>();
            reader.readObject()
                    .forEach((k, v) -> settings.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
            return Map.copyOf(settings);
        }
    }

    public static String format(Map<String, String> settings) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder();
        new TreeMap<>(settings).forEach(json::add);
        return json.build().toString();
    }

    /** Bounded strings; what they mean is the provider's to check. */
    public static Map<String, String> checked(Map<String, String> settings) {
        if (settings == null) {
            return Map.of();
        }
        if (settings.size() > 20) {
            throw new InvalidRequestException("settings", "at most 20 settings");
        }
        settings.forEach((k, v) -> {
            if (k == null || k.isBlank() || k.length() > 100 || v == null || v.length() > 500) {
                throw new InvalidRequestException(
                        "settings", "settings are names (1-100 characters) with string values");
            }
        });
        return Map.copyOf(settings);
    }
}
