/**
 * Rate limits and budgets, exact across servers through Redis, with a local fallback, and the
 * bound of calls in flight.
 */
package io.renlayer.proxy.limits;
