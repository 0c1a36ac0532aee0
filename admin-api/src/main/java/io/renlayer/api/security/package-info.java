/**
 * Who calls the API: operator tokens and platform JWTs become an Actor, checked for tenant scope
 * before a resource runs; the services decide what the caller may change.
 */
package io.renlayer.api.security;
