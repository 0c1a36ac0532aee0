/**
 * Trace storage: rows as values, written with COPY and read back for the API and console.
 */
package io.renlayer.core.traces;
