package io.renlayer.core.keys;

import io.renlayer.core.errors.InvalidRequestException;
import java.util.List;

/** What a key may reach: patterns for routes, models, providers and service methods, and streaming. */
public record KeyScopes(
        List<String> allowedRoutes,
        List<String> allowedModels,
        List<String> allowedProviders,
        List<String> allowedMethods,
        boolean streaming) {

    public static final KeyScopes UNRESTRICTED =
            new KeyScopes(List.of("*"), List.of("*"), List.of("*"), List.of("*"), true);

    public static List<String> checked(String field, List<String> patterns) {
        if (patterns == null) {
            return null;
        }
        if (patterns.isEmpty()) {
            throw new InvalidRequestException(field, field + " must not be empty; use [\"*\"] for any");
        }
        for (String p : patterns) {
            if (p == null || p.isBlank() || p.contains(",") || p.length() > 200) {
                throw new InvalidRequestException(
                        field, "each entry of " + field + " must be a non-empty pattern without commas");
            }
        }
        return List.copyOf(patterns);
    }

    public static String join(List<String> patterns) {
        return String.join(",", patterns);
    }

    public static List<String> split(String column) {
        return List.of(column.split(","));
    }
}
