/**
 * Encrypts upstream credentials at rest under the master key, and derives keys from it.
 */
package io.renlayer.core.crypto;
