package io.renlayer.core.identity;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.util.Map;

/**
 * What an OpenID Connect provider publishes at {@code <issuer>/.well-known/openid-configuration}:
 * where its keys are and where people sign in and clients get tokens. A document that names
 * another issuer is not the provider's, and is refused.
 */
public record ProviderMetadata(String issuer, URI jwksUri, URI authorizationEndpoint, URI tokenEndpoint) {

    public static ProviderMetadata discover(ResourceRetriever retriever, String issuer) throws IOException {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        try {
            Map<String, Object> document = JSONObjectUtils.parse(retriever
                    .retrieveResource(URI.create(base + "/.well-known/openid-configuration")
                            .toURL())
                    .getContent());
            if (!issuer.equals(JSONObjectUtils.getString(document, "issuer"))) {
                throw new IOException("the discovery document names another issuer");
            }
            URI jwks = JSONObjectUtils.getURI(document, "jwks_uri");
            if (jwks == null) {
                throw new IOException("the discovery document has no jwks_uri");
            }
            return new ProviderMetadata(
                    issuer,
                    jwks,
                    JSONObjectUtils.getURI(document, "authorization_endpoint"),
                    JSONObjectUtils.getURI(document, "token_endpoint"));
        } catch (ParseException | IllegalArgumentException e) {
            throw new IOException("the discovery document could not be read", e);
        }
    }
}
