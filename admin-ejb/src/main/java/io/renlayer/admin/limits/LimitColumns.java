package io.renlayer.admin.limits;

import io.renlayer.core.limits.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** The four limit columns shared by api_keys, agents and tenants. */
@Embeddable
public class LimitColumns {

    @Column(name = "requests_per_minute")
    private Integer requestsPerMinute;

    @Column(name = "tokens_per_minute")
    private Long tokensPerMinute;

    @Column(name = "daily_budget_usd")
    private BigDecimal dailyBudgetUsd;

    @Column(name = "monthly_budget_usd")
    private BigDecimal monthlyBudgetUsd;

    /** The limits held by an entity's columns; Hibernate loads all-null columns as a null embeddable. */
    public static Limits read(LimitColumns columns) {
        return columns == null
                ? Limits.NONE
                : new Limits(
                        columns.requestsPerMinute,
                        columns.tokensPerMinute,
                        columns.dailyBudgetUsd,
                        columns.monthlyBudgetUsd);
    }

    /** Columns holding the given (validated) limits. */
    public static LimitColumns of(Limits limits) {
        Limits checked = limits.validated();
        LimitColumns columns = new LimitColumns();
        columns.requestsPerMinute = checked.requestsPerMinute();
        columns.tokensPerMinute = checked.tokensPerMinute();
        columns.dailyBudgetUsd = checked.dailyBudgetUsd();
        columns.monthlyBudgetUsd = checked.monthlyBudgetUsd();
        return columns;
    }
}
