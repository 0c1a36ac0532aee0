package io.renlayer.proxy.limits;

/**
 * Why a call was not admitted: the scope level, the rule ({@code requests_per_minute},
 * {@code tokens_per_minute}, {@code daily_budget}, {@code monthly_budget}), its limit and what is
 * left (budgets in micro-dollars), and when to retry.
 */
public record Refusal(String level, String rule, long limit, long remaining, long retryAfterMillis) {}
