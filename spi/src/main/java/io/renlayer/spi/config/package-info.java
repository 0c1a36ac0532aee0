/**
 * What a plugin can be configured with ({@link io.renlayer.spi.config.ConfigProperty}) and the
 * values one tenant gave it ({@link io.renlayer.spi.config.PluginSettings}).
 *
 * @since 1.1
 */
package io.renlayer.spi.config;
