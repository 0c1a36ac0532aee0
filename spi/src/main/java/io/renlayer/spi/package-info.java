/**
 * The plugin SPI: what a plugin JAR implements. It depends on nothing of the gateway.
 */
package io.renlayer.spi;
