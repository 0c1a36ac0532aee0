/**
 * Plugin discovery (a CDI extension over ServiceLoader), the registry of what was found and each
 * plugin's health.
 */
package io.renlayer.core.plugins;
