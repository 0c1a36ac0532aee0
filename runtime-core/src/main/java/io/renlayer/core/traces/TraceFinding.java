package io.renlayer.core.traces;

/** A finding as a trace keeps it: which detector, what type, where. Never the matched text. */
public record TraceFinding(String detector, String type, int start, int end, double confidence) {}
