package io.renlayer.admin.limits;

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

    public Limits toLimits() {
        return new Limits(requestsPerMinute, tokensPerMinute, dailyBudgetUsd, monthlyBudgetUsd);
    }

    public void set(Limits limits) {
        Limits checked = limits.validated();
        requestsPerMinute = checked.requestsPerMinute();
        tokensPerMinute = checked.tokensPerMinute();
        dailyBudgetUsd = checked.dailyBudgetUsd();
        monthlyBudgetUsd = checked.monthlyBudgetUsd();
    }
}
