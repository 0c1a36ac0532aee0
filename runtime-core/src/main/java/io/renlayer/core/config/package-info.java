/**
 * The gateway's settings, read through MicroProfile Config.
 */
package io.renlayer.core.config;
