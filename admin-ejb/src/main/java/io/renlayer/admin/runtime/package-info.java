/**
 * The server's readiness, from the database, the change feed and the trace writer.
 */
package io.renlayer.admin.runtime;
