package io.renlayer.console;

import io.renlayer.admin.identity.IdentityProviderDraft;
import io.renlayer.admin.identity.IdentityProviderRegistry;
import io.renlayer.admin.identity.IdentityProviderView;
import io.renlayer.admin.identity.RoleMapping;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tenant's identity providers: who may sign in with the company's identity, and which groups
 * give which role. Owners register them; everyone in the tenant sees them. The client secret is
 * written here and never shown.
 */
@Named
@ViewScoped
public class IdentityView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private IdentityProviderRegistry providers;

    @Inject
    private ConsoleSession session;

    private List<IdentityProviderView> list;
    private String name;
    private String issuer;
    private String audience = "renlayer";
    private String clientId;
    private String clientSecret;
    private String groupsClaim = "groups";
    private String roleMappings;

    @PostConstruct
    void load() {
        list = providers.list(session.getTenantId());
    }

    public void register() {
        IdentityProviderDraft draft = new IdentityProviderDraft(
                name,
                issuer,
                audience,
                blankToNull(clientId),
                blankToNull(clientSecret),
                groupsClaim,
                parse(roleMappings),
                true);
        if (Messages.attempt(() -> providers.register(session.getTenantId(), draft, session.actor()))) {
            Messages.info("Identity provider '" + name + "' registered.");
            name = null;
            issuer = null;
            clientId = null;
            clientSecret = null;
            roleMappings = null;
            load();
        }
    }

    /** One mapping per line, {@code group = role}; the service checks each. */
    static List<RoleMapping> parse(String text) {
        List<RoleMapping> mappings = new ArrayList<>();
        if (text == null) {
            return mappings;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.lastIndexOf('=');
            mappings.add(
                    equals < 0
                            ? new RoleMapping(line.strip(), null)
                            : new RoleMapping(
                                    line.substring(0, equals).strip(),
                                    line.substring(equals + 1).strip()));
        }
        return mappings;
    }

    public static String mappings(IdentityProviderView provider) {
        return provider.roleMappings().stream()
                .map(m -> m.group() + " = " + m.role())
                .collect(Collectors.joining(", "));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public List<IdentityProviderView> getProviders() {
        return list;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return null; // write-only
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getGroupsClaim() {
        return groupsClaim;
    }

    public void setGroupsClaim(String groupsClaim) {
        this.groupsClaim = groupsClaim;
    }

    public String getRoleMappings() {
        return roleMappings;
    }

    public void setRoleMappings(String roleMappings) {
        this.roleMappings = roleMappings;
    }
}
