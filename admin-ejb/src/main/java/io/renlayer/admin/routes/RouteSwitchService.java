package io.renlayer.admin.routes;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.audit.AuditLog;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.errors.Storage;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** Operators switch proxy routes off (and on) for every tenant at once. */
@Stateless
public class RouteSwitchService {

    private static final Pattern ROUTE = Pattern.compile("/v1/[a-z0-9/_.-]+");

    @Resource(lookup = "jdbc/renlayer")
    private DataSource dataSource;

    @EJB
    private AuditLog audit;

    public record RouteSwitch(String route, Boolean enabled) {}

    public List<RouteSwitch> list() {
        return Storage.call(() -> {
            List<RouteSwitch> result = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps =
                            c.prepareStatement("SELECT route, enabled FROM renlayer.route_settings ORDER BY route");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new RouteSwitch(rs.getString(1), rs.getBoolean(2)));
                }
            }
            return result;
        });
    }

    public RouteSwitch set(String route, Boolean enabled, Actor actor) {
        actor.requireOperator();
        return Storage.call(() -> {
            if (route == null || !ROUTE.matcher(route).matches()) {
                throw new InvalidRequestException("route", "route must be a proxy path such as /v1/embeddings");
            }
            if (enabled == null) {
                throw new InvalidRequestException("enabled", "enabled is required");
            }
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO renlayer.route_settings (route, enabled) VALUES (?, ?)
                    ON CONFLICT (route) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()""")) {
                ps.setString(1, route);
                ps.setBoolean(2, enabled);
                ps.executeUpdate();
            }
            audit.record(null, actor.name(), enabled ? "route.enable" : "route.disable", "route", route);
            return new RouteSwitch(route, enabled);
        });
    }
}
