package io.renlayer.admin.access;

import io.renlayer.core.errors.ForbiddenException;
import io.renlayer.core.errors.NotFoundException;
import java.security.Principal;
import java.util.UUID;

/**
 * Who asks a service for a change: a platform operator (any tenant, the operator plane) or a
 * tenant's user, with the role they hold now. Every service that changes something asks the actor
 * first, so the API and the console, which both pass one, cannot disagree on who may do what. The
 * API's security context carries it as its principal.
 *
 * @param name what the audit log records, e.g. {@code operator:<tokenId>}, {@code
 *     operator-sso:<subject>} or {@code user:<userId>}
 * @param tenantId the user's tenant; null for an operator
 * @param role the user's role; null for an operator
 */
public record Actor(String name, UUID tenantId, Role role) implements Principal {

    /** An operator, by the id of the operator token they presented. */
    public static Actor operator(UUID tokenId) {
        return new Actor("operator:" + tokenId, null, null);
    }

    /** An operator signed in through the operators' identity provider, by their subject there. */
    public static Actor operatorPerson(String subject) {
        return new Actor("operator-sso:" + subject, null, null);
    }

    /** A tenant's user, by their id. */
    public static Actor user(Object userId, UUID tenantId, Role role) {
        return new Actor("user:" + userId, tenantId, role);
    }

    public boolean isOperator() {
        return tenantId == null;
    }

    @Override
    public String getName() {
        return name;
    }

    /** An operator, or an admin or owner of {@code tenant}: a viewer reads only. */
    public void requireMayChange(UUID tenant) {
        requireOwnTenant(tenant);
        if (!isOperator() && !role.canWrite()) {
            throw new ForbiddenException("viewers may read but not change anything");
        }
    }

    /** An operator, or an owner of {@code tenant}. */
    public void requireMayManageUsers(UUID tenant) {
        requireOwnTenant(tenant);
        if (!isOperator() && !role.canManageUsers()) {
            throw new ForbiddenException("only a tenant owner may manage users");
        }
    }

    /** The operator plane: tenants, prices, route switches, operator tokens, signing keys. */
    public void requireOperator() {
        if (!isOperator()) {
            throw new ForbiddenException("this is the operator plane; sign in with an operator token");
        }
    }

    /** Another tenant's things do not exist for a user: the same answer as for a missing tenant. */
    private void requireOwnTenant(UUID tenant) {
        if (!isOperator() && !tenantId.equals(tenant)) {
            throw new NotFoundException("tenant");
        }
    }
}
