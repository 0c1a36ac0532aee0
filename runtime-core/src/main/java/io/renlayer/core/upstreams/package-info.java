/**
 * Upstream settings as values.
 */
package io.renlayer.core.upstreams;
