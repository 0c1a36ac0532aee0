package io.renlayer.api.security;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.access.Role;
import java.security.Principal;
import java.util.UUID;

/**
 * Who is calling: a platform operator (any tenant, the operator plane) or a tenant's user (only
 * that tenant, within the user's role). {@link #getName()} is what the audit log records.
 */
public record Caller(String name, UUID tenantId, Role role) implements Principal {

    public static Caller operator(UUID tokenId) {
        return new Caller("operator:" + tokenId, null, null);
    }

    public static Caller user(String userId, UUID tenantId, Role role) {
        return new Caller("user:" + userId, tenantId, role);
    }

    public boolean isOperator() {
        return tenantId == null;
    }

    /** The caller as the services see them. */
    public Actor actor() {
        return isOperator() ? Actor.operator(name) : Actor.user(name, tenantId, role);
    }

    @Override
    public String getName() {
        return name;
    }
}
