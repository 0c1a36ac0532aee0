package io.renlayer.proxy.limits;

/** Either a reservation or a refusal. */
public record Admission(Reservation reservation, Refusal refusal) {

    public static Admission admitted(Reservation reservation) {
        return new Admission(reservation, null);
    }

    public static Admission refused(Refusal refusal) {
        return new Admission(null, refusal);
    }

    public boolean isAdmitted() {
        return refusal == null;
    }
}
