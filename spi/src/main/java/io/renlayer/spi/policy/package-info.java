/**
 * The policy-action kind of plugin (experimental).
 */
package io.renlayer.spi.policy;
