package io.renlayer.admin.access;

import io.renlayer.core.errors.InvalidRequestException;
import java.util.Locale;

/**
 * What a tenant's user may do: viewers read, admins also change the tenant's configuration,
 * owners also manage users.
 */
public enum Role {
    OWNER,
    ADMIN,
    VIEWER;

    /** The value stored and carried in the JWT {@code groups} claim. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean canWrite() {
        return this != VIEWER;
    }

    public boolean canManageUsers() {
        return this == OWNER;
    }

    public static Role parse(String field, String value) {
        if (value == null) {
            throw new InvalidRequestException(field, field + " is required: owner, admin or viewer");
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, field + " must be owner, admin or viewer");
        }
    }
}
