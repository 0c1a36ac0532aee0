/**
 * Trace retention: the job that drops a tenant's traces past its retention.
 */
package io.renlayer.admin.traces;
