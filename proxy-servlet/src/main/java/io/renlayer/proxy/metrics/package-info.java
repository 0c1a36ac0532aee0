/**
 * The proxy's metrics at /metrics on the control listener.
 */
package io.renlayer.proxy.metrics;
