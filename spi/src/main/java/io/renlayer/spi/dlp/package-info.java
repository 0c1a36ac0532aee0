/**
 * The detector kind of plugin.
 */
package io.renlayer.spi.dlp;
