/**
 * Gets each call's trace row to the database: queued, batched, spooled to disk while the database
 * is away, and set aside when it refuses a row.
 */
package io.renlayer.proxy.trace;
