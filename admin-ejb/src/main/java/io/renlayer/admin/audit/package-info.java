/**
 * The audit log: every change, hash-chained so that an edit or a deletion of a row shows, and the
 * trail that reads and verifies it.
 */
package io.renlayer.admin.audit;
