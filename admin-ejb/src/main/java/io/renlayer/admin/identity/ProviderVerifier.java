package io.renlayer.admin.identity;

import io.renlayer.core.config.GatewaySettings;
import io.renlayer.core.identity.AccessTokenVerifier;
import io.renlayer.core.identity.GuardedRetriever;
import io.renlayer.core.identity.ProviderMetadata;
import io.renlayer.core.net.OutboundAddresses;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The control plane's one view of the identity providers: every fetch under the outbound rules
 * ({@link GuardedRetriever}), and one verifier whose discovered key sets the API's tokens, the
 * console's sign-in and the operators' tokens share.
 */
@ApplicationScoped
public class ProviderVerifier {

    /** How long a provider's discovery document is trusted before it is read again. */
    private static final Duration METADATA_FRESH = Duration.ofMinutes(5);

    private final Map<String, Discovered> metadata = new ConcurrentHashMap<>();
    private GuardedRetriever retriever;
    private AccessTokenVerifier verifier;

    private record Discovered(ProviderMetadata metadata, Instant readAt) {}

    @PostConstruct
    void init() {
        retriever = new GuardedRetriever(OutboundAddresses.configured());
        verifier = new AccessTokenVerifier(retriever, Clock.systemUTC(), GatewaySettings.oauthClockSkew());
    }

    /**
     * The provider's endpoints, read at most every few minutes: the console's sign-in asks the
     * provider on every page, and its token endpoint rarely moves.
     */
    ProviderMetadata metadata(String issuer) throws IOException {
        Instant now = Instant.now();
        Discovered known = metadata.get(issuer);
        if (known != null && now.isBefore(known.readAt().plus(METADATA_FRESH))) {
            return known.metadata();
        }
        ProviderMetadata read = ProviderMetadata.discover(retriever, issuer);
        metadata.put(issuer, new Discovered(read, now));
        return read;
    }

    GuardedRetriever retriever() {
        return retriever;
    }

    AccessTokenVerifier verifier() {
        return verifier;
    }
}
