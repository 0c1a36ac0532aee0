/**
 * Limits as values.
 */
package io.renlayer.core.limits;
