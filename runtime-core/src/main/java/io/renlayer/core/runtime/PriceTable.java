package io.renlayer.core.runtime;

import io.renlayer.core.names.NamePattern;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/**
 * Model prices per million tokens, from {@code model_prices}, kept in memory and reloaded when the
 * table changes. Costs are in micro-dollars (10^-6 USD), exact integers for counters.
 */
@ApplicationScoped
public class PriceTable {

    /** Cost of a call in micro-dollars; a model without a price costs nothing. */
    public record Price(String pattern, BigDecimal inputPerMtok, BigDecimal outputPerMtok) {
        long costMicros(long promptTokens, long completionTokens) {
            // (tokens / 1e6) * USD per Mtok * 1e6 micro-USD = tokens * USD per Mtok
            return inputPerMtok
                    .multiply(BigDecimal.valueOf(Math.max(promptTokens, 0)))
                    .add(outputPerMtok.multiply(BigDecimal.valueOf(Math.max(completionTokens, 0))))
                    .setScale(0, RoundingMode.CEILING)
                    .longValueExact();
        }
    }

    @Resource(lookup = "jdbc/renlayerDirect")
    private DataSource dataSource;

    @Inject
    private ChangeFeed changes;

    private volatile List<Price> prices;

    @PostConstruct
    void subscribe() {
        changes.subscribe(change -> {
            if (change.concerns(Change.Topic.MODEL_PRICES)) {
                prices = null;
            }
        });
    }

    public long costMicros(String model, long promptTokens, long completionTokens) {
        for (Price price : prices()) {
            if (NamePattern.matches(price.pattern(), model)) {
                return price.costMicros(promptTokens, completionTokens);
            }
        }
        return 0;
    }

    /** Longest pattern first, so 'gpt-4o-mini*' wins over 'gpt-4o*'. */
    private List<Price> prices() {
        List<Price> current = prices;
        if (current == null) {
            current = load();
            prices = current;
        }
        return current;
    }

    private List<Price> load() {
        List<Price> loaded = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT model_pattern, input_usd_per_mtok, output_usd_per_mtok FROM renlayer.model_prices")) {
            while (rs.next()) {
                loaded.add(new Price(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)));
            }
        } catch (SQLException e) {
            throw new RuntimeDirectory.DirectoryUnavailableException(e);
        }
        loaded.sort(Comparator.comparingInt((Price p) -> p.pattern().length()).reversed());
        return List.copyOf(loaded);
    }
}
