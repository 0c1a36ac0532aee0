/**
 * A tenant's OpenID Connect provider: its registration, which of its groups give which role, and
 * the people it signs in.
 */
package io.renlayer.admin.identity;
