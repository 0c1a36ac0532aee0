/**
 * The built-in DLP detectors, shipped as a plugin through the SPI like any vendor's.
 */
package io.renlayer.plugins.dlp;
