/**
 * Projects, which group a tenant's agents and keys.
 */
package io.renlayer.admin.projects;
