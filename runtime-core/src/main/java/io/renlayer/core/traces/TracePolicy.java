package io.renlayer.core.traces;

/** A policy that matched a traced call: what it did, at which phase, and why. */
public record TracePolicy(String policy, String action, String phase, String reason) {}
