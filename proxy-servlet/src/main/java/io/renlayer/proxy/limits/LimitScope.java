package io.renlayer.proxy.limits;

import io.renlayer.core.limits.Limits;

/** One level a call is counted at (tenant, agent or key), with that level's limits. */
public record LimitScope(String level, String id, Limits limits) {}
