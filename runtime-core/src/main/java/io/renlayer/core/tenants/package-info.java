/**
 * Tenant settings the proxy reads.
 */
package io.renlayer.core.tenants;
