package io.renlayer.admin.services;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.audit.AuditLog;
import io.renlayer.admin.tenants.TenantService;
import io.renlayer.admin.upstreams.BaseUrl;
import io.renlayer.core.crypto.MasterKeyProvider;
import io.renlayer.core.errors.ConflictException;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.errors.NotFoundException;
import io.renlayer.core.errors.Storage;
import io.renlayer.core.paging.Cursor;
import io.renlayer.core.paging.Page;
import io.renlayer.core.paging.PageRequest;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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
    public record NewService(
            String name,
            String baseUrl,
            String credential,
            String authHeader,
            String authScheme,
            List<String> allowedMethods) {
        @Override
        public String toString() {
            return "NewService[name=" + name + ", baseUrl=" + baseUrl + ", credential=***]";
        }
    }

    public record ServiceView(
            UUID id,
            UUID tenantId,
            String name,
            String baseUrl,
            List<String> allowedMethods,
            boolean credentialSet,
            Instant createdAt) {}

    private static final String SELECT = """
            SELECT id, tenant_id, name, base_url, allowed_methods, credential_enc IS NOT NULL, created_at
              FROM renlayer.services WHERE tenant_id = ?""";

    /** The tenant's services, newest first. */
    public Page<ServiceView> list(UUID tenantId, PageRequest page) {
        return Storage.call(() -> {
            tenants.require(tenantId);
            String sql = SELECT + (page.cursor() == null ? "" : " AND (created_at, id) < (?, ?)")
                    + " ORDER BY created_at DESC, id DESC LIMIT " + page.fetchSize();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, tenantId);
                if (page.cursor() != null) {
                    ps.setTimestamp(2, Timestamp.from(page.cursor().at()));
                    ps.setObject(3, page.cursor().id());
                }
                return Page.of(read(ps), page, v -> new Cursor(v.createdAt(), v.id()));
            }
        });
    }

    public ServiceView require(UUID tenantId, UUID serviceId) {
        return Storage.call(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(SELECT + " AND id = ?")) {
                ps.setObject(1, tenantId);
                ps.setObject(2, serviceId);
                return read(ps).stream().findFirst().orElseThrow(() -> new NotFoundException("service"));
            }
        });
    }

    public void delete(UUID tenantId, UUID serviceId, Actor actor) {
        actor.requireMayChange(tenantId);
        Storage.run(() -> {
            ServiceView before = require(tenantId, serviceId);
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps =
                            c.prepareStatement("DELETE FROM renlayer.services WHERE tenant_id = ? AND id = ?")) {
                ps.setObject(1, tenantId);
                ps.setObject(2, serviceId);
                ps.executeUpdate();
            }
            audit.record(tenantId, actor.name(), "service.delete", "service", serviceId, before, null);
        });
    }

    private static List<ServiceView> read(PreparedStatement ps) throws SQLException {
        List<ServiceView> views = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                views.add(new ServiceView(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        List.of(rs.getString(5).split(",")),
                        rs.getBoolean(6),
                        rs.getTimestamp(7).toInstant()));
            }
        }
        return views;
    }

    public ServiceView register(UUID tenantId, NewService request, Actor actor) {
        actor.requireMayChange(tenantId);
        return Storage.call(() -> {
            tenants.require(tenantId);
            String name = InvalidRequestException.requireText("name", request.name(), 63);
            if (!NAME.matcher(name).matches()) {
                throw new InvalidRequestException("name", "name must be lowercase letters, digits and dashes");
            }
            String baseUrl = BaseUrl.check(request.baseUrl());
            List<String> methods =
                    request.allowedMethods() == null || request.allowedMethods().isEmpty()
                            ? List.of("GET", "POST")
                            : request.allowedMethods().stream()
                                    .map(m -> m.toUpperCase(Locale.ROOT))
                                    .toList();
            if (!METHODS.containsAll(methods)) {
                throw new InvalidRequestException("allowedMethods", "allowedMethods may list " + METHODS);
            }
            UUID id = UUID.randomUUID();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO renlayer.services (id, tenant_id, name, base_url, credential_enc, auth_header, auth_scheme,
                        allowed_methods) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setObject(1, id);
                ps.setObject(2, tenantId);
                ps.setString(3, name);
                ps.setString(4, baseUrl);
                ps.setBytes(
                        5,
                        request.credential() == null ? null : masterKey.cipher().encrypt(request.credential()));
                ps.setString(
                        6,
                        request.authHeader() == null
                                ? "authorization"
                                : request.authHeader().toLowerCase(Locale.ROOT));
                ps.setString(7, request.authScheme() == null ? "Bearer" : request.authScheme());
                ps.setString(8, String.join(",", methods));
                ps.executeUpdate();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new ConflictException("a service named '" + name + "' already exists");
                }
                throw e;
            }
            ServiceView view = require(tenantId, id);
            audit.record(tenantId, actor.name(), "service.register", "service", id, null, view);
            return view;
        });
    }
}
