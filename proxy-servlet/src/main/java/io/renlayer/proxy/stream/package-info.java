/**
 * Reads and rewrites server-sent events one event at a time.
 */
package io.renlayer.proxy.stream;
