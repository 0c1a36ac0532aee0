/**
 * The read side of the configuration (RuntimeDirectory), the change feed that keeps caches
 * coherent, the price table and Redis.
 */
package io.renlayer.core.runtime;
