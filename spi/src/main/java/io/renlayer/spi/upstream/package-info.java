/**
 * The upstream provider kind of plugin.
 */
package io.renlayer.spi.upstream;
