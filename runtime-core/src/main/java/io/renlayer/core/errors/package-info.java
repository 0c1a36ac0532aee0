/**
 * What services refuse with, shared by the proxy and the management side, and the wrapping of JDBC
 * failures.
 */
package io.renlayer.core.errors;
