/**
 * Policies as values and compiled for evaluation: the same code validates a policy when it is
 * saved and evaluates it in the proxy.
 */
package io.renlayer.core.policies;
