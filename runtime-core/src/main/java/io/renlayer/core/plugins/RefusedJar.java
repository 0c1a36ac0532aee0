package io.renlayer.core.plugins;

/** A jar in the plugins directory the gateway does not run, and why: shown in the plugin listing. */
public record RefusedJar(String sourceJar, String spiVersion, String reason) {}
