package io.renlayer.admin.identity;

import java.util.List;
import java.util.UUID;

/** The tenant's provider as the console's sign-in uses it; the secret never leaves the server. */
public record SignInClient(
        UUID providerId,
        UUID tenantId,
        String issuer,
        String clientId,
        String clientSecret,
        String groupsClaim,
        List<RoleMapping> roleMappings) {

    @Override
    public String toString() {
        return "SignInClient[provider=" + providerId + ", issuer=" + issuer + ", client=" + clientId + "]";
    }
}
