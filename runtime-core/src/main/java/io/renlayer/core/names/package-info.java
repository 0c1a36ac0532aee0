/**
 * Name patterns with a trailing wildcard, as scopes and allow-lists write them.
 */
package io.renlayer.core.names;
