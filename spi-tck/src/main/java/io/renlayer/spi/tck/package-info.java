/**
 * The SPI's test kit: contract tests a vendor runs against their plugin.
 */
package io.renlayer.spi.tck;
