package io.renlayer.proxy.limits;

/** Where counters live: Redis (shared by every node) or this process. */
public interface LimitStore {

    /** Checks every limit of every scope and reserves them all, or none: atomically. */
    Admission admit(AdmissionRequest request);

    /** Replaces the reservation's estimate with the real usage. */
    void settle(Reservation reservation, long actualTokens, long actualCostMicros);
}
