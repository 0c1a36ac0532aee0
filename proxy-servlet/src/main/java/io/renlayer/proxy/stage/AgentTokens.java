package io.renlayer.proxy.stage;

import io.renlayer.core.identity.AccessTokenVerifier;
import io.renlayer.core.identity.PresentedToken;
import io.renlayer.core.identity.TokenRefusedException;
import io.renlayer.core.identity.TokenRefusedException.Reason;
import io.renlayer.core.runtime.KeySnapshot;
import io.renlayer.core.runtime.OAuthClientId;
import java.util.Optional;
import java.util.function.Function;

/**
 * An agent that authenticates with its company's identity: the access token of an OAuth client
 * bound to one of its keys. The binding is found from the token's issuer and client before
 * anything is fetched, so a token naming an issuer no tenant trusts costs no outbound call; then
 * the signature, issuer, audience and expiry are verified against that tenant's provider.
 */
public final class AgentTokens {

    private final Function<OAuthClientId, Optional<KeySnapshot>> keysByClient;
    private final AccessTokenVerifier verifier;

    public AgentTokens(Function<OAuthClientId, Optional<KeySnapshot>> keysByClient, AccessTokenVerifier verifier) {
        this.keysByClient = keysByClient;
        this.verifier = verifier;
    }

    /** The key the token's client is bound to, once the token is verified. */
    KeySnapshot authenticate(String presented) throws TokenRefusedException {
        PresentedToken token = PresentedToken.parse(presented);
        if (token.clientId() == null) {
            throw new TokenRefusedException(Reason.UNKNOWN_CLIENT);
        }
        KeySnapshot key = keysByClient
                .apply(new OAuthClientId(token.issuer(), token.clientId()))
                .orElseThrow(() -> new TokenRefusedException(Reason.UNKNOWN_CLIENT));
        KeySnapshot.OAuthClient binding = key.oauthClient();
        if (!binding.providerEnabled()) {
            throw new TokenRefusedException(Reason.PROVIDER_DISABLED);
        }
        verifier.verify(token, binding.audience());
        return key;
    }
}
