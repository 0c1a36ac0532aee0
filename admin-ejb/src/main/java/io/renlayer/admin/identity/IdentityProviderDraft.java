package io.renlayer.admin.identity;

import java.util.List;

/**
 * What a register or PATCH request carries; null fields are left as they are (on register, take
 * their defaults). The client secret is write-only.
 */
public record IdentityProviderDraft(
        String name,
        String issuer,
        String audience,
        String clientId,
        String clientSecret,
        String groupsClaim,
        List<RoleMapping> roleMappings,
        Boolean enabled) {

    @Override
    public String toString() {
        return "IdentityProviderDraft[name=" + name + ", issuer=" + issuer + ", clientSecret=***]";
    }
}
