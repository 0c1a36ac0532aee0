package io.renlayer.admin.services;

import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.crypto.MasterKeyProvider;
import io.renlayer.admin.errors.ConflictException;
import io.renlayer.admin.errors.InvalidRequestException;
import io.renlayer.admin.tenants.TenantService;
import io.renlayer.admin.upstreams.BaseUrl;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** A tenant's registered services: internal or third-party HTTP APIs its agents reach through the gateway. */
@Stateless
public class ServiceRegistry {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

    @Resource(lookup = "jdbc/renlayer")
    private DataSource dataSource;

    @EJB
    private TenantService tenants;

    @EJB
    private AuditLog audit;

    @Inject
    private MasterKeyProvider masterKey;

    /** What an operator registers; the credential is kept encrypted and never returned. */
    public record NewService(String name, String baseUrl, String credential, String authHeader, String authScheme,
            List<String> allowedMethods) {
        @Override
        public String toString() {
            return "NewService[name=" + name + ", baseUrl=" + baseUrl + ", credential=***]";
        }
    }

    public record ServiceView(UUID id, UUID tenantId, String name, String baseUrl, List<String> allowedMethods,
            boolean credentialSet) {}

    public ServiceView register(UUID tenantId, NewService request, String actor) throws SQLException {
        tenants.require(tenantId);
        String name = InvalidRequestException.requireText("name", request.name(), 63);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidRequestException("name", "name must be lowercase letters, digits and dashes");
        }
        String baseUrl = BaseUrl.check(request.baseUrl());
        List<String> methods = request.allowedMethods() == null || request.allowedMethods().isEmpty()
                ? List.of("GET", "POST")
                : request.allowedMethods().stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
        if (!METHODS.containsAll(methods)) {
            throw new InvalidRequestException("allowedMethods", "allowedMethods may list " + METHODS);
        }
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO renlayer.services (id, tenant_id, name, base_url, credential_enc, auth_header, auth_scheme,
                    allowed_methods) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setObject(1, id);
            ps.setObject(2, tenantId);
            ps.setString(3, name);
            ps.setString(4, baseUrl);
            ps.setBytes(5, request.credential() == null ? null : masterKey.cipher().encrypt(request.credential()));
            ps.setString(6, request.authHeader() == null ? "authorization" : request.authHeader().toLowerCase(Locale.ROOT));
            ps.setString(7, request.authScheme() == null ? "Bearer" : request.authScheme());
            ps.setString(8, String.join(",", methods));
            ps.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new ConflictException("a service named '" + name + "' already exists");
            }
            throw e;
        }
        audit.record(tenantId, actor, "service.register", "service", id);
        return new ServiceView(id, tenantId, name, baseUrl, methods, request.credential() != null);
    }
}
