package io.renlayer.admin.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import io.renlayer.admin.access.Role;
import io.renlayer.core.errors.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One of the provider's groups (or values of the configured claim) and the role it gives. Where a
 * person is in several mapped groups, the strongest role wins; in none, there is no access.
 */
public record RoleMapping(String group, String role) {

    /** Checked and normalised: the role spelled as stored. */
    static List<RoleMapping> checked(List<RoleMapping> mappings) {
        if (mappings == null) {
            return List.of();
        }
        if (mappings.size() > 100) {
            throw new InvalidRequestException("roleMappings", "at most 100 role mappings");
        }
        List<RoleMapping> result = new ArrayList<>();
        for (int i = 0; i < mappings.size(); i++) {
            RoleMapping m = mappings.get(i);
            String field = "roleMappings[" + i + "]";
            if (m == null) {
                throw new InvalidRequestException(field, field + " is empty");
            }
            String group = InvalidRequestException.requireText(field + ".group", m.group(), 500);
            if (group.indexOf('\t') >= 0 || group.indexOf('\n') >= 0 || group.indexOf('\0') >= 0) {
                throw new InvalidRequestException(field + ".group", field + ".group has no tabs, line breaks or NUL");
            }
            result.add(
                    new RoleMapping(group, Role.parse(field + ".role", m.role()).claim()));
        }
        return List.copyOf(result);
    }

    /** The strongest role the groups give; empty when no mapping names one of them. */
    static Optional<Role> strongest(List<RoleMapping> mappings, Collection<String> groups) {
        Role best = null;
        for (RoleMapping m : mappings) {
            if (groups.contains(m.group())) {
                Role role = Role.parse("role", m.role());
                if (best == null || role.ordinal() < best.ordinal()) {
                    best = role; // OWNER, ADMIN, VIEWER: declared strongest first
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Stored one per line, group and role separated by a tab. */
    static String store(List<RoleMapping> mappings) {
        StringBuilder text = new StringBuilder();
        for (RoleMapping m : mappings) {
            text.append(m.group()).append('\t').append(m.role()).append('\n');
        }
        return text.toString();
    }

    static List<RoleMapping> read(String stored) {
        List<RoleMapping> mappings = new ArrayList<>();
        for (String line : stored.split("\n")) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0) {
                mappings.add(new RoleMapping(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return List.copyOf(mappings);
    }

    /** The groups a token names: a claim's values, following a dotted path into nested objects (Keycloak's realm_access.roles). */
    static Collection<String> groups(JWTClaimsSet claims, String path) {
        Object value = claims.getClaims();
        for (String name : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> object)) {
                return List.of();
            }
            value = object.get(name);
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            for (Object v : many) {
                if (v instanceof String s) {
                    values.add(s);
                }
            }
        }
        return values;
    }
}
