package io.renlayer.core.policies;

import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.names.NamePattern;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a policy's {@code conditions} object into tests, once per change. Every field is optional
 * and all present fields must hold; a list matches when any entry does. An unknown field or a bad
 * value is refused with the field's path, so a policy that saves is a policy that runs.
 */
final class ConditionCompiler {

    private static final Pattern FINDING_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern HEADER_NAME = Pattern.compile("[a-z0-9!#$%&'*+.^_`|~-]{1,100}");

    private ConditionCompiler() {}

    record Compiled(List<Condition> conditions, Set<String> findingTypes) {}

    static Compiled compile(JsonObject conditions) {
        List<Condition> tests = new ArrayList<>();
        Set<String> findingTypes = Set.of();
        for (String field : conditions.keySet()) {
            JsonValue value = conditions.get(field);
            switch (field) {
                case "agents" -> tests.add(ids(field, value, PolicySubject::agentId, "agent"));
                case "projects" -> tests.add(ids(field, value, PolicySubject::projectId, "project"));
                case "keys" -> tests.add(ids(field, value, PolicySubject::keyId, "key"));
                case "routes" -> tests.add(patterns(field, value, PolicySubject::route, "route"));
                case "providers" -> tests.add(patterns(field, value, PolicySubject::provider, "provider"));
                case "models" -> tests.add(patterns(field, value, PolicySubject::model, "model"));
                case "findingTypes" -> findingTypes = findingTypes(field, value);
                case "minFindings", "minEstimatedTokens", "maxEstimatedTokens" -> {} // read below
                case "timeOfDay" -> tests.add(timeOfDay(field, value));
                case "headers" -> tests.add(headers(field, value));
                default ->
                    throw invalid(
                            field,
                            "unknown condition '" + field + "'; known: agents, projects, keys, "
                                    + "routes, providers, models, findingTypes, minFindings, minEstimatedTokens, "
                                    + "maxEstimatedTokens, timeOfDay, headers");
            }
        }
        Integer minFindings = count(conditions, "minFindings", 1);
        if (!findingTypes.isEmpty() || minFindings != null) {
            tests.add(findings(findingTypes, minFindings == null ? 1 : minFindings));
        }
        Integer minTokens = count(conditions, "minEstimatedTokens", 0);
        Integer maxTokens = count(conditions, "maxEstimatedTokens", 0);
        if (minTokens != null) {
            tests.add(s -> s.estimatedTokens() >= minTokens
                    ? "estimated tokens " + s.estimatedTokens() + " >= " + minTokens
                    : null);
        }
        if (maxTokens != null) {
            tests.add(s -> s.estimatedTokens() <= maxTokens
                    ? "estimated tokens " + s.estimatedTokens() + " <= " + maxTokens
                    : null);
        }
        return new Compiled(List.copyOf(tests), findingTypes);
    }

    private static Condition ids(String field, JsonValue value, Function<PolicySubject, UUID> of, String what) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String text : strings(field, value)) {
            try {
                ids.add(UUID.fromString(text));
            } catch (IllegalArgumentException e) {
                throw invalid(field, field + " must list ids; '" + text + "' is not one");
            }
        }
        return s -> ids.contains(of.apply(s)) ? what + " " + of.apply(s) : null;
    }

    private static Condition patterns(String field, JsonValue value, Function<PolicySubject, String> of, String what) {
        List<String> patterns = strings(field, value);
        for (String p : patterns) {
            if (p.indexOf('*') >= 0 && p.indexOf('*') != p.length() - 1) {
                throw invalid(field, "patterns in " + field + " may only end with '*': '" + p + "'");
            }
        }
        return s -> {
            String actual = of.apply(s);
            for (String p : patterns) {
                if (NamePattern.matches(p, actual)) {
                    return what + " " + actual + " matches " + p;
                }
            }
            return null;
        };
    }

    private static Set<String> findingTypes(String field, JsonValue value) {
        Set<String> types = new LinkedHashSet<>();
        for (String type : strings(field, value)) {
            if (!FINDING_TYPE.matcher(type).matches()) {
                throw invalid(
                        field, "finding types are upper-case names like AWS_ACCESS_KEY_ID; '" + type + "' is not");
            }
            types.add(type);
        }
        return Set.copyOf(types);
    }

    private static Condition findings(Set<String> types, int atLeast) {
        return s -> {
            Map<String, Integer> matched = new LinkedHashMap<>();
            s.findingCounts().forEach((type, n) -> {
                if (types.isEmpty() || types.contains(type)) {
                    matched.put(type, n);
                }
            });
            int total = matched.values().stream().mapToInt(Integer::intValue).sum();
            return total >= atLeast ? "findings " + matched : null;
        };
    }

    private static Condition timeOfDay(String field, JsonValue value) {
        if (!(value instanceof JsonObject window)) {
            throw invalid(field, "timeOfDay must be {\"from\":\"09:00\",\"to\":\"17:00\",\"zone\":\"UTC\"}");
        }
        LocalTime from = time(field + ".from", window);
        LocalTime to = time(field + ".to", window);
        ZoneId zone;
        try {
            zone = ZoneId.of(window.getString("zone", "UTC"));
        } catch (DateTimeException | ClassCastException e) {
            throw invalid(field + ".zone", "zone must be a time-zone id such as UTC or Europe/Berlin");
        }
        return s -> {
            LocalTime now = s.at().atZone(zone).toLocalTime();
            boolean inside = from.isBefore(to)
                    ? !now.isBefore(from) && now.isBefore(to)
                    : !now.isBefore(from) || now.isBefore(to); // a window across midnight
            return inside ? "time " + now.withNano(0) + " " + zone + " within " + from + "-" + to : null;
        };
    }

    private static LocalTime time(String field, JsonObject window) {
        String name = field.substring(field.indexOf('.') + 1);
        if (!(window.get(name) instanceof JsonString text)) {
            throw invalid(field, field + " is required, as HH:mm");
        }
        try {
            return LocalTime.parse(text.getString());
        } catch (DateTimeException e) {
            throw invalid(field, field + " must be a time as HH:mm");
        }
    }

    private static Condition headers(String field, JsonValue value) {
        if (!(value instanceof JsonObject wanted) || wanted.isEmpty()) {
            throw invalid(field, "headers must be a non-empty object of header name to value pattern");
        }
        Map<String, String> patterns = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : wanted.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (!HEADER_NAME.matcher(name).matches() || !(e.getValue() instanceof JsonString pattern)) {
                throw invalid(field + "." + e.getKey(), "each header condition is a header name and a value pattern");
            }
            patterns.put(name, pattern.getString());
        }
        return s -> {
            if (s.headers() == null) {
                return null; // not known (stored traces keep no headers)
            }
            for (Map.Entry<String, String> p : patterns.entrySet()) {
                if (!NamePattern.matches(p.getValue(), s.headers().get(p.getKey()))) {
                    return null;
                }
            }
            return "headers " + patterns.keySet();
        };
    }

    private static Integer count(JsonObject conditions, String field, int min) {
        JsonValue value = conditions.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber n)
                || !n.isIntegral()
                || n.longValue() < min
                || n.longValue() > Integer.MAX_VALUE) {
            throw invalid(field, field + " must be a whole number of at least " + min);
        }
        return n.intValue();
    }

    private static List<String> strings(String field, JsonValue value) {
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw invalid(field, field + " must be a non-empty list of strings");
        }
        List<String> result = new ArrayList<>();
        for (JsonValue v : array) {
            if (!(v instanceof JsonString s)
                    || s.getString().isBlank()
                    || s.getString().length() > 200) {
                throw invalid(field, field + " must be a non-empty list of strings");
            }
            result.add(s.getString());
        }
        return result;
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException("conditions." + field, message);
    }
}
