package io.renlayer.admin.identity;

import io.renlayer.core.config.GatewaySettings;
import io.renlayer.core.identity.AccessTokenVerifier;
import io.renlayer.core.identity.GuardedRetriever;
import io.renlayer.core.net.OutboundAddresses;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * The control plane's one view of the identity providers: every fetch under the outbound rules
 * ({@link GuardedRetriever}), and one verifier whose discovered key sets the API's tokens, the
 * console's sign-in and the operators' tokens share.
 */
@ApplicationScoped
public class ProviderVerifier {

    private GuardedRetriever retriever;
    private AccessTokenVerifier verifier;

    @PostConstruct
    void init() {
        retriever = new GuardedRetriever(OutboundAddresses.configured());
        verifier = new AccessTokenVerifier(retriever, Clock.systemUTC(), GatewaySettings.oauthClockSkew());
    }

    GuardedRetriever retriever() {
        return retriever;
    }

    AccessTokenVerifier verifier() {
        return verifier;
    }
}
