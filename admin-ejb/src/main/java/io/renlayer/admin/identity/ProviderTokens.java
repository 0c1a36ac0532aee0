package io.renlayer.admin.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import io.renlayer.admin.access.Actor;
import io.renlayer.admin.access.Role;
import io.renlayer.core.identity.PresentedToken;
import io.renlayer.core.identity.TokenRefusedException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
            Optional<Role> role =
                    RoleMapping.strongest(provider.roleMappings(), values(claims, provider.groupsClaim()));
            if (role.isEmpty()) {
                LOG.info("A provider token was refused: none of its groups is mapped to a role");
                return Optional.empty();
            }
            Person person = Person.of(claims);
            if (person.subject() == null) {
                return Optional.empty();
            }
            return users.signedIn(tenantId, provider.id(), person, role.get())
                    .map(id -> Actor.user(id, tenantId, role.get()));
        } catch (TokenRefusedException e) {
            LOG.info("A provider token was refused: " + e.getMessage());
            return Optional.empty();
        } catch (ParseException e) {
            LOG.info("A provider token was refused: a claim has the wrong type");
            return Optional.empty();
        }
    }

    /** A claim's values, following a dotted path into nested objects (Keycloak's realm_access.roles). */
    static Collection<String> values(JWTClaimsSet claims, String path) {
        Object value = claims.getClaims();
        for (String name : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> object)) {
                return List.of();
            }
            value = object.get(name);
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            for (Object v : many) {
                if (v instanceof String s) {
                    values.add(s);
                }
            }
        }
        return values;
    }
}
