package io.renlayer.console;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.access.Role;
import io.renlayer.admin.identity.ProviderSignIn;
import io.renlayer.admin.users.PlatformUser;
import io.renlayer.admin.users.UserService;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in person of this browser session: the same identity the API gets from a JWT (user,
 * tenant, role), so the console uses the same tenant scoping and the audit log names the same actor.
 */
@Named
@SessionScoped
public class ConsoleSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private UUID userId;
    private UUID tenantId;
    private String email;
    private Role role;
    /** Set when the person signed in through the tenant's identity provider. */
    private ProviderSignIn.SignedIn viaProvider;

    void signIn(PlatformUser user) {
        userId = user.getId();
        tenantId = user.getTenantId();
        email = user.getEmail();
        role = user.getRole();
        viaProvider = null;
    }

    void signInViaProvider(ProviderSignIn.SignedIn signedIn) {
        userId = signedIn.userId();
        tenantId = signedIn.tenantId();
        email = signedIn.email();
        role = signedIn.role();
        viaProvider = signedIn;
    }

    /**
     * For a person signed in through the provider: asks it again (their refresh token), which sets
     * their role from their groups now; signs the session out (false) when it no longer admits them.
     * A session signed in with a password is left as it is.
     */
    boolean refreshWithProvider(ProviderSignIn signIn) {
        if (viaProvider == null) {
            return true;
        }
        Optional<ProviderSignIn.SignedIn> refreshed = signIn.refresh(viaProvider);
        if (refreshed.isEmpty()) {
            signOut();
            return false;
        }
        signInViaProvider(refreshed.get());
        return true;
    }

    private void signOut() {
        userId = null;
        tenantId = null;
        email = null;
        role = null;
        viaProvider = null;
    }

    /**
     * Brings the session's role up to the user's current state; signs the session out (false) when
     * the user was deleted or disabled since. Run on every request.
     */
    boolean refresh(UserService users) {
        if (userId == null) {
            return false;
        }
        Optional<Role> current = users.currentRole(tenantId, userId);
        if (current.isEmpty()) {
            signOut();
            return false;
        }
        role = current.get();
        return true;
    }

    public boolean isSignedIn() {
        return userId != null;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public String getEmail() {
        return email;
    }

    public String getRole() {
        return role == null ? null : role.claim();
    }

    public boolean isCanWrite() {
        return role != null && role.canWrite();
    }

    /** Who asks the services for a change: they decide whether this user may. */
    public Actor actor() {
        return Actor.user(userId, tenantId, role);
    }
}
