package io.renlayer.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource method beyond the default (operators everywhere; a tenant's users on
 * their own tenant, viewers only reading). On a class it applies to every method without its own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Access {

    Level value();

    enum Level {
        /** No credentials at all (sign-in, the published signing keys, health). */
        PUBLIC,
        /** A POST that changes nothing (a dry run, a scan, a verification): viewers may call it. */
        READ,
        /** Changes the tenant's users: owners only. */
        OWNER,
        /** The operator plane: operators only; users may read it when it is a GET. */
        OPERATOR,
        /** Operators only, reads included. */
        OPERATOR_ONLY
    }
}
