package io.renlayer.api.v1;

import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.paging.PageRequest;
import io.renlayer.core.policies.PolicyDefinition;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** One page of a tenant's policies in evaluation order; the cursor is the last policy's name. */
record PolicyPage(List<PolicyDefinition> items, String nextCursor) {

    static PolicyPage of(
            List<PolicyDefinition> ordered, String phase, String action, String enabled, Integer limit, String cursor) {
        PageRequest page = PageRequest.of(limit, null);
        Boolean enabledOnly = enabled == null ? null : parseBoolean(enabled);
        String after = decode(cursor);
        List<PolicyDefinition> matching = ordered.stream()
                .filter(p -> phase == null || p.phase().name().equalsIgnoreCase(phase))
                .filter(p -> action == null || p.action().equalsIgnoreCase(action))
                .filter(p -> enabledOnly == null || p.enabled() == enabledOnly)
                .toList();
        int start = 0;
        if (after != null) {
            start = matching.size();
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).name().equals(after)) {
                    start = i + 1;
                    break;
                }
            }
        }
        List<PolicyDefinition> items = matching.subList(start, Math.min(matching.size(), start + page.limit()));
        boolean more = start + page.limit() < matching.size();
        return new PolicyPage(
                List.copyOf(items), more ? encode(items.get(items.size() - 1).name()) : null);
    }

    private static Boolean parseBoolean(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException("enabled", "enabled must be true or false");
        };
    }

    private static String encode(String name) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("policy:" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (!plain.startsWith("policy:")) {
                throw new IllegalArgumentException();
            }
            return plain.substring(7);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("cursor", "cursor is not a value returned as nextCursor");
        }
    }
}
