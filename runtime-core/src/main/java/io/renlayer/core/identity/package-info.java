/**
 * The company's identity: access tokens of a tenant's OpenID Connect provider, verified against
 * the provider's published keys (JWKS, found through discovery), for agents calling the proxy and
 * people calling the Platform API.
 */
package io.renlayer.core.identity;
