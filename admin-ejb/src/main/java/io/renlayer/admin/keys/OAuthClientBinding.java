package io.renlayer.admin.keys;

import java.util.UUID;

/**
 * The OAuth client of a tenant's identity provider that a key is bound to. A request names the
 * provider and the client id; the issuer is the provider's, filled in by the service.
 */
public record OAuthClientBinding(UUID identityProviderId, String issuer, String clientId) {}
