/**
 * Tenants: the entity and the operator's service for them.
 */
package io.renlayer.admin.tenants;
