package io.renlayer.admin.prices;

import io.renlayer.admin.access.Actor;
import io.renlayer.admin.audit.AuditLog;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.errors.Storage;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The per-model price table that gives each trace its cost and each budget its charge. Patterns
 * match model names ({@code gpt-4o*}); the longest matching pattern wins.
 */
@Stateless
public class PriceService {

    @Resource(lookup = "jdbc/renlayer")
    private DataSource dataSource;

    @EJB
    private AuditLog audit;

    /** US dollars per million tokens, in and out. */
    public record ModelPrice(String modelPattern, BigDecimal inputUsdPerMtok, BigDecimal outputUsdPerMtok) {}

    public List<ModelPrice> list() {
        return Storage.call(() -> {
            List<ModelPrice> prices = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT model_pattern, input_usd_per_mtok, output_usd_per_mtok FROM renlayer.model_prices ORDER BY model_pattern");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    prices.add(new ModelPrice(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)));
                }
            }
            return prices;
        });
    }

    /** Creates or replaces the price of a pattern; every node uses it within a second. */
    public ModelPrice set(ModelPrice price, Actor actor) {
        actor.requireOperator();
        return Storage.call(() -> {
            String pattern = InvalidRequestException.requireText("modelPattern", price.modelPattern(), 200);
            BigDecimal in = nonNegative("inputUsdPerMtok", price.inputUsdPerMtok());
            BigDecimal out = nonNegative("outputUsdPerMtok", price.outputUsdPerMtok());
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO renlayer.model_prices (model_pattern, input_usd_per_mtok, output_usd_per_mtok)
                    VALUES (?, ?, ?)
                    ON CONFLICT (model_pattern) DO UPDATE SET input_usd_per_mtok = EXCLUDED.input_usd_per_mtok,
                        output_usd_per_mtok = EXCLUDED.output_usd_per_mtok, updated_at = now()""")) {
                ps.setString(1, pattern);
                ps.setBigDecimal(2, in);
                ps.setBigDecimal(3, out);
                ps.executeUpdate();
            }
            audit.record(null, actor.name(), "price.set", "model_price", pattern);
            return new ModelPrice(pattern, in, out);
        });
    }

    private static BigDecimal nonNegative(String field, BigDecimal value) {
        if (value == null
                || value.signum() < 0
                || value.scale() > 6
                || value.compareTo(new BigDecimal("1000000")) >= 0) {
            throw new InvalidRequestException(field, field + " must be a non-negative amount with at most 6 decimals");
        }
        return value;
    }
}
