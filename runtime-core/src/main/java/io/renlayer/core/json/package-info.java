/**
 * JSON-P without a provider lookup per call, and a UTF-8 reader.
 */
package io.renlayer.core.json;
