/**
 * Who asks a service for a change (Actor) and the roles a tenant's user can hold: the one place
 * the rules of who may change what are written.
 */
package io.renlayer.admin.access;
