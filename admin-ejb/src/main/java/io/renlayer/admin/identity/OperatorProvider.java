package io.renlayer.admin.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import io.renlayer.admin.access.Actor;
import io.renlayer.core.config.GatewaySettings;
import io.renlayer.core.identity.PresentedToken;
import io.renlayer.core.identity.TokenRefusedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Operators who sign in with the company's identity: an access token of the provider named by
 * {@code RENLAYER_OPERATOR_OIDC_ISSUER}, for {@code RENLAYER_OPERATOR_OIDC_AUDIENCE}, whose groups
 * hold {@code RENLAYER_OPERATOR_OIDC_GROUP}. Membership is read from each token, so an operator
 * taken out of the group is one no more with their next token; the bootstrap token is needed only
 * to set the gateway up.
 */
@ApplicationScoped
public class OperatorProvider {

    private static final Logger LOG = Logger.getLogger(OperatorProvider.class.getName());

    @Inject
    private ProviderVerifier providerVerifier;

    /** The operators' provider as configured, read once: empty when there is none. */
    private Optional<Settings> settings;

    private record Settings(String issuer, String audience, String groupsClaim, String group) {}

    @PostConstruct
    void init() {
        settings = GatewaySettings.operatorIssuer()
                .map(issuer -> new Settings(
                        issuer,
                        GatewaySettings.operatorAudience(),
                        GatewaySettings.operatorGroupsClaim(),
                        GatewaySettings.operatorGroup()));
    }

    /** An operator, when the token is the operators' provider's, valid, and of a member of their group. */
    public Optional<Actor> authenticate(PresentedToken token) {
        if (settings.isEmpty() || !settings.get().issuer().equals(token.issuer())) {
            return Optional.empty();
        }
        Settings operators = settings.get();
        try {
            JWTClaimsSet claims = providerVerifier.verifier().verify(token, operators.audience());
            if (claims.getSubject() == null
                    || !RoleMapping.groups(claims, operators.groupsClaim()).contains(operators.group())) {
                LOG.info("An operator's provider token was refused: not in the operators' group");
                return Optional.empty();
            }
            return Optional.of(Actor.operatorPerson(claims.getSubject()));
        } catch (TokenRefusedException e) {
            LOG.info("An operator's provider token was refused: " + e.getMessage());
            return Optional.empty();
        }
    }
}
