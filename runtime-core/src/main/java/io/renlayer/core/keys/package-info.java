/**
 * Virtual keys as values: their format, hashing and scopes.
 */
package io.renlayer.core.keys;
