/**
 * Virtual keys as the management side keeps them: the entity and the service that creates,
 * rotates, disables and revokes them.
 */
package io.renlayer.admin.keys;
