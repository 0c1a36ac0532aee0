package io.renlayer.proxy.limits;

/**
 * What was reserved for an admitted call, and by which store; {@code fallback} when it was counted
 * in process only because Redis was away.
 */
public record Reservation(AdmissionRequest request, boolean local, boolean fallback) {}
