package io.renlayer.core.policies;

/**
 * One compiled test of a policy's conditions. Says why it matched, so the trace can record the
 * reason for a decision, or returns null when it does not match.
 */
@FunctionalInterface
interface Condition {

    String reason(PolicySubject subject);
}
