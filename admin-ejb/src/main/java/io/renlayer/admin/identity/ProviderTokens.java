package io.renlayer.admin.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import io.renlayer.admin.access.Actor;
import io.renlayer.core.identity.PresentedToken;
import io.renlayer.core.identity.TokenRefusedException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The Platform API's callers with their company's token: an access token of the tenant's provider
 * (the one registered for its issuer), meant for that provider's audience. The person acts with
 * the role their groups give now, so a person taken out of a group loses it with the first token
 * issued after that; without a mapped group there is no access at all.
 */
@ApplicationScoped
public class ProviderTokens {

    private static final Logger LOG = Logger.getLogger(ProviderTokens.class.getName());

    @EJB
    private IdentityProviderRegistry providers;

    @EJB
    private ExternalUsers users;

    @Inject
    private ProviderVerifier providerVerifier;

    /** The caller, when the token is valid for the tenant it addresses and gives a role there. */
    public Optional<Actor> authenticate(UUID tenantId, PresentedToken token) {
        if (tenantId == null) {
            return Optional.empty();
        }
        Optional<IdentityProviderView> registered = providers.ofIssuer(tenantId, token.issuer());
        if (registered.isEmpty() || !registered.get().enabled()) {
            LOG.info("A provider token was refused: its issuer is not one the tenant trusts");
            return Optional.empty();
        }
        IdentityProviderView provider = registered.get();
        try {
            JWTClaimsSet claims = providerVerifier.verifier().verify(token, provider.audience());
            ExternalUsers.Admitted admitted =
                    users.admit(tenantId, provider.id(), provider.roleMappings(), provider.groupsClaim(), claims);
            return Optional.of(Actor.user(admitted.userId(), tenantId, admitted.role()));
        } catch (TokenRefusedException e) {
            LOG.info("A provider token was refused: " + e.getMessage());
            return Optional.empty();
        } catch (SignInRefusedException e) {
            LOG.info("A provider token was refused: " + e.reason().code());
            return Optional.empty();
        }
    }
}
