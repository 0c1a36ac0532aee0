/**
 * The proxy's in-memory view of the configuration, kept coherent by the change feed.
 */
package io.renlayer.proxy.cache;
