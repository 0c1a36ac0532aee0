/**
 * An example vendor plugin: a detector built against the SPI alone, as a vendor would ship it.
 */
package com.example.renlayer;
