/**
 * Plugins: each jar in the plugins directory loaded in a class loader of its own, the set in use
 * (reread when the directory changes), what was refused and why, and each plugin's health.
 */
package io.renlayer.core.plugins;
