package io.renlayer.core.limits;

import io.renlayer.core.errors.InvalidRequestException;
import java.math.BigDecimal;

/**
 * The limits of a key, an agent or a tenant; a null field means no limit. Budgets are in US
 * dollars and are charged from each call's cost.
 */
public record Limits(
        Integer requestsPerMinute, Long tokensPerMinute, BigDecimal dailyBudgetUsd, BigDecimal monthlyBudgetUsd) {

    public static final Limits NONE = new Limits(null, null, null, null);

    /** No limit at all (not an accessor, so it stays out of the JSON). */
    public boolean unlimited() {
        return requestsPerMinute == null
                && tokensPerMinute == null
                && dailyBudgetUsd == null
                && monthlyBudgetUsd == null;
    }

    /** Checks values from the API. */
    public Limits validated() {
        if (requestsPerMinute != null && requestsPerMinute <= 0) {
            throw new InvalidRequestException("limits.requestsPerMinute", "requestsPerMinute must be positive");
        }
        if (tokensPerMinute != null && tokensPerMinute <= 0) {
            throw new InvalidRequestException("limits.tokensPerMinute", "tokensPerMinute must be positive");
        }
        if (dailyBudgetUsd != null && dailyBudgetUsd.signum() < 0) {
            throw new InvalidRequestException("limits.dailyBudgetUsd", "dailyBudgetUsd must not be negative");
        }
        if (monthlyBudgetUsd != null && monthlyBudgetUsd.signum() < 0) {
            throw new InvalidRequestException("limits.monthlyBudgetUsd", "monthlyBudgetUsd must not be negative");
        }
        return this;
    }
}
